"""Article images must describe themselves for screen readers before an article is saved."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from bantin.news.blocks import ImageBlock


def value(block, **fields):
    return block.to_python({"caption": "", "alt_text": "", **fields})


def test_an_image_with_nothing_to_say_is_refused(image_factory):
    block = ImageBlock()
    image = image_factory()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value(block, image=image.pk))
    message = refused.value.block_errors["alt_text"].messages[0]
    assert message.startswith("Cần mô tả ảnh cho người khiếm thị")


@pytest.mark.parametrize(
    "fields",
    [{"alt_text": "Đại biểu dự hội nghị"}, {"caption": "Toàn cảnh hội nghị"}],
)
def test_a_description_or_a_caption_is_enough(image_factory, fields):
    block = ImageBlock()
    cleaned = block.clean(value(block, image=image_factory().pk, **fields))
    assert cleaned["image"] is not None


def test_the_library_description_is_enough(image_factory):
    block = ImageBlock()
    image = image_factory()
    image.description = "Cầu Pác Ngòi nhìn từ hồ Ba Bể"
    image.save()
    assert block.clean(value(block, image=image.pk))["image"] == image


def test_blank_descriptions_do_not_count(image_factory):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(value(block, image=image_factory().pk, alt_text="   ", caption=" "))
