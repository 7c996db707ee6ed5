"""Reading a deck back: the text a slide shows, its shapes' and its tables' cells."""


def slide_texts(slide) -> list[str]:
    """The text of each shape on the slide, then of each table cell (not the speaker notes)."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts
