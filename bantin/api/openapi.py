"""The OpenAPI 3 document of the API: every endpoint, parameter and response shape."""

from django.conf import settings

from bantin.api.params import MAX_OFFSET, MAX_TEXT


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema):
    return {**schema, "nullable": True}


STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}
INTEGER = {"type": "integer"}


def _object(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


PAGING = [
    {
        "name": "limit",
        "in": "query",
        "description": f"Số mục tối đa trả về (1–{settings.API_MAX_LIMIT}, mặc định 20).",
        "schema": {"type": "integer", "minimum": 1, "maximum": settings.API_MAX_LIMIT},
    },
    {
        "name": "offset",
        "in": "query",
        "description": "Bỏ qua bao nhiêu mục đầu (mặc định 0).",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
    },
]
DATE_PARAMETER = {
    "type": "string",
    "maxLength": MAX_TEXT,
    "description": "Ngày dạng 07/02/2025 hoặc 2025-02-07.",
}
ID_PATH = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1},
}

SCHEMAS = {
    "Error": _object(
        {
            "message": {**STRING, "description": "Thông báo lỗi tiếng Việt."},
            "parameter": {**STRING, "description": "Tên tham số sai (lỗi 400)."},
        },
        required=["message"],
    ),
    "ListingMeta": _object(
        {"total_count": INTEGER, "limit": INTEGER, "offset": INTEGER},
    ),
    "SectionBrief": _nullable(_object({"id": INTEGER, "title": STRING, "path": STRING})),
    "Image": _nullable(_object({"url": URL, "width": INTEGER, "height": INTEGER, "alt": STRING})),
    "Article": _object(
        {
            "id": INTEGER,
            "title": STRING,
            "url": {**URL, "description": "Địa chỉ trang bài."},
            "detail_url": {**URL, "description": "Địa chỉ bài trong API."},
            "date": {**DATE, "description": "Ngày đăng hiện cho bạn đọc."},
            "published_at": DATETIME,
            "modified_at": DATETIME,
            "lead": {**STRING, "description": "Sapo."},
            "author": STRING,
            "section": _ref("SectionBrief"),
            "tags": {"type": "array", "items": STRING},
            "image": _ref("Image"),
        }
    ),
    "Block": _object(
        {"type": STRING, "value": {"description": "Giá trị của khối, tùy loại."}, "id": STRING},
        required=["type", "value"],
    ),
    "ArticleDetail": {
        "allOf": [
            _ref("Article"),
            _object(
                {
                    "body": {
                        "type": "array",
                        "items": _ref("Block"),
                        "description": "Nội dung dạng khối (StreamField).",
                    },
                    "body_html": {**STRING, "description": "Nội dung dạng HTML."},
                    "leaders": {
                        "type": "array",
                        "items": _object({"id": INTEGER, "name": STRING, "detail_url": URL}),
                    },
                }
            ),
        ]
    },
    "Section": _object(
        {
            "id": INTEGER,
            "title": STRING,
            "path": {**STRING, "description": "Đường dẫn dưới trang chủ."},
            "url": URL,
            "detail_url": URL,
            "rss_url": URL,
            "parent_id": _nullable(INTEGER),
            "intro": STRING,
            "article_count": INTEGER,
        }
    ),
    "Position": _object(
        {
            "title": STRING,
            "body": STRING,
            "start_date": DATE,
            "end_date": _nullable(DATE),
            "current": {"type": "boolean"},
        }
    ),
    "Leader": _object(
        {
            "id": INTEGER,
            "name": STRING,
            "url": URL,
            "detail_url": URL,
            "positions": {"type": "array", "items": _ref("Position")},
        }
    ),
    "LeaderDetail": {
        "allOf": [
            _ref("Leader"),
            _object(
                {
                    "recent_activity_ids": {
                        "type": "array",
                        "items": INTEGER,
                        "description": "Mã các bài hoạt động gần nhất (mới nhất trước).",
                    }
                }
            ),
        ]
    },
    "SearchHit": _object(
        {
            "id": INTEGER,
            "title": STRING,
            "url": URL,
            "date": DATE,
            "date_display": STRING,
            "section": _nullable(STRING),
            "snippet_html": STRING,
        }
    ),
    "SearchResult": _object(
        {
            "query": STRING,
            "understood": STRING,
            "count": INTEGER,
            "count_is_lower_bound": {"type": "boolean"},
            "corrections": {"type": "object", "additionalProperties": STRING},
            "offset": INTEGER,
            "limit": INTEGER,
            "results": {"type": "array", "items": _ref("SearchHit")},
        }
    ),
    "SearchError": _object(
        {
            "error": STRING,
            "fields": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": STRING},
            },
        },
        required=["error"],
    ),
}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": _json(_ref("Error"), "Tham số không hợp lệ; `parameter` nêu tên tham số."),
    "429": {
        **_json(_ref("Error"), "Quá số yêu cầu cho phép mỗi phút."),
        "headers": {"Retry-After": {"description": "Số giây chờ.", "schema": {"type": "integer"}}},
    },
}


def _listing(item):
    return _object({"meta": _ref("ListingMeta"), "items": {"type": "array", "items": _ref(item)}})


def _listing_operation(summary, item, parameters=()):
    return {
        "get": {
            "summary": summary,
            "parameters": [*PAGING, *parameters],
            "responses": {"200": _json(_listing(item), "Danh sách."), **ERRORS},
        }
    }


def _detail_operation(summary, item):
    return {
        "get": {
            "summary": summary,
            "parameters": [ID_PATH],
            "responses": {
                "200": _json(_ref(item), "Chi tiết."),
                "404": _json(_ref("Error"), "Không có hoặc chưa xuất bản."),
                **ERRORS,
            },
        }
    }


def _query(name, description, schema=None):
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": schema or {"type": "string", "maxLength": MAX_TEXT},
    }


ARTICLE_FILTERS = [
    _query("section", "Chuyên mục: mã số hoặc đường dẫn (tin-tuc-su-kien/kinh-te)."),
    _query("date_from", "Từ ngày (gồm cả ngày này).", DATE_PARAMETER),
    _query("date_to", "Đến ngày (gồm cả ngày này).", DATE_PARAMETER),
    _query("tag", "Từ khóa của bài (tên hoặc slug); không dùng cùng `search`."),
    _query("search", "Tìm kiếm tiếng Việt (có dấu hoặc không dấu)."),
]

SEARCH_PARAMETERS = [
    _query("q", "Từ cần tìm.", {"type": "string"}),
    _query("limit", "Số kết quả (1–50).", {"type": "integer", "minimum": 1, "maximum": 50}),
    _query("offset", "Bỏ qua bao nhiêu kết quả đầu.", {"type": "integer", "minimum": 0}),
    _query("chuyen-muc", "Mã số chuyên mục.", {"type": "integer"}),
    _query("tu-ngay", "Từ ngày (07/02/2025 hoặc 2025-02-07).", {"type": "string"}),
    _query("den-ngay", "Đến ngày.", {"type": "string"}),
    _query("lanh-dao", "Mã số lãnh đạo.", {"type": "integer"}),
]


def document(base_url):
    """The OpenAPI 3.0 document, with ``base_url`` (``https://…/api/v2``) as its server."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "API dữ liệu mở Bản Tin",
            "version": "2",
            "description": "API chỉ đọc: bài viết đã xuất bản, chuyên mục, lãnh đạo và tìm "
            "kiếm. Mọi địa chỉ trả về là địa chỉ tuyệt đối. Mỗi địa chỉ IP được gửi "
            f"tối đa {settings.API_RATE_LIMIT} yêu cầu mỗi phút (quá: mã 429, tiêu đề "
            "Retry-After). Tham số lạ, lặp lại hoặc sai dạng: mã 400 kèm tên tham số.",
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/articles/": _listing_operation("Bài viết mới nhất", "Article", ARTICLE_FILTERS),
            "/articles/{id}/": _detail_operation("Một bài viết", "ArticleDetail"),
            "/sections/": _listing_operation("Các chuyên mục", "Section"),
            "/sections/{id}/": _detail_operation("Một chuyên mục", "Section"),
            "/leaders/": _listing_operation("Lãnh đạo", "Leader"),
            "/leaders/{id}/": _detail_operation("Một lãnh đạo", "LeaderDetail"),
            "/search/": {
                "get": {
                    "summary": "Tìm kiếm bài viết (như trang Tìm kiếm)",
                    "parameters": SEARCH_PARAMETERS,
                    "responses": {
                        "200": _json(_ref("SearchResult"), "Kết quả."),
                        "400": _json(_ref("SearchError"), "Tham số không hợp lệ."),
                        "429": ERRORS["429"],
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
