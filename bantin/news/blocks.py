from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = "Tiêu đề mục"
        template = "news/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)
    alt_text = blocks.CharBlock(
        label="Mô tả ảnh cho người khiếm thị",
        required=False,
        max_length=300,
        help_text="Để trống: dùng chú thích, rồi mô tả của ảnh trong thư viện.",
    )

    class Meta:
        icon = "image"
        label = "Ảnh có chú thích"
        template = "news/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        described = (
            value.get("alt_text", "").strip()
            or value.get("caption", "").strip()
            or (image is not None and (image.description or "").strip())
        )
        if not described:
            message = (
                "Cần mô tả ảnh cho người khiếm thị: nhập mô tả ở đây, viết chú thích, "
                "hoặc thêm mô tả cho ảnh trong thư viện."
            )
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(message)})
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người nói / nguồn", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "news/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tệp đính kèm")
    title = blocks.CharBlock(
        label="Tên hiển thị", required=False, help_text="Để trống: dùng tên tệp trong thư viện."
    )

    class Meta:
        icon = "doc-full"
        label = "Tệp đính kèm"
        template = "news/blocks/document.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Đoạn văn", features=PARAGRAPH_FEATURES, template="news/blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label="Bảng", template="news/blocks/table.html")
    document = DocumentBlock()
    embed = EmbedBlock(label="Nhúng video / bài mạng xã hội", template="news/blocks/embed.html")
