"""The file formats of a pack and their media types (light: the renderers load on demand)."""

FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
