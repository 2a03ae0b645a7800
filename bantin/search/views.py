from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode

from bantin.core import text
from bantin.search import services
from bantin.search.forms import SearchForm

PER_PAGE = 10
API_MAX_LIMIT = 50


def _search_from(filters):
    return services.ArticleSearch(
        text=filters["q"],
        section=filters["chuyen_muc"],
        date_from=filters["tu_ngay"],
        date_to=filters["den_ngay"],
        leader=filters["lanh_dao"],
    )


def _page_number(raw):
    try:
        number = int(str(raw or "1")[:6])
    except ValueError:
        return 1
    return max(number, 1)


def search_page(request):
    form = SearchForm(request.GET)
    filters = form.filters()
    search = _search_from(filters)
    context = {"form": form, "query": filters["q"], "filters": filters}
    if search.text.strip():
        number = _page_number(request.GET.get("page"))
        outcome = services.articles_search(search, offset=(number - 1) * PER_PAGE, limit=PER_PAGE)
        last = max(1, -(-outcome.count // PER_PAGE))
        if number > last:
            number = last
            outcome = services.articles_search(
                search, offset=(number - 1) * PER_PAGE, limit=PER_PAGE
            )
        paginator = Paginator(range(outcome.count), PER_PAGE)
        try:
            page_obj = paginator.page(number)
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(1)
        kept = {key: value for key, value in request.GET.items() if key != "page" and value}
        context.update(
            outcome=outcome,
            page_obj=page_obj,
            page_query=urlencode(kept) + "&" if kept else "",
            filtered=any(
                filters[name] for name in ("chuyen_muc", "tu_ngay", "den_ngay", "lanh_dao")
            ),
        )
    return render(request, "search/search_page.html", context)


def search_api(request):
    form = SearchForm(request.GET)
    filters = form.filters()
    # Named as they are sent (chuyen-muc, lanh-dao, tu-ngay, den-ngay).
    errors = {name.replace("_", "-"): [str(e) for e in errs] for name, errs in form.errors.items()}
    try:
        limit = min(max(int(str(request.GET.get("limit", PER_PAGE))[:6]), 1), API_MAX_LIMIT)
        offset = min(max(int(str(request.GET.get("offset", 0))[:9]), 0), 10_000)
    except ValueError:
        return JsonResponse(
            {"error": "“limit” và “offset” phải là số nguyên không âm."}, status=400
        )
    if errors:
        return JsonResponse(
            {"error": "Tham số không hợp lệ: " + ", ".join(errors) + ".", "fields": errors},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    search = _search_from(filters)
    outcome = services.articles_search(search, offset=offset, limit=limit)
    return JsonResponse(
        {
            "query": search.text,
            "understood": outcome.understood,
            "count": outcome.count,
            "count_is_lower_bound": outcome.capped,
            "corrections": outcome.corrections,
            "offset": offset,
            "limit": limit,
            "results": [
                {
                    "id": hit.article.pk,
                    "title": hit.article.title,
                    "url": request.build_absolute_uri(hit.article.get_url(request)),
                    "date": hit.article.display_date.isoformat(),
                    "date_display": text.format_date(hit.article.display_date, weekday=True),
                    "section": hit.section.title if hit.section else None,
                    "snippet_html": str(hit.snippet),
                }
                for hit in outcome.hits
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
