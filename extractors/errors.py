"""Named errors of reading and extraction.

Every failure a user can meet has a stable ``code`` (stored with the file's record and in
the load-error table) and a message that says what is wrong with *this* file.
"""
from __future__ import annotations


class VanbanError(Exception):
    """Base of every error the product raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


class ReadError(VanbanError):
    code = "read_error"


class EmptyFileError(ReadError):
    code = "empty_file"


class UnsupportedFormatError(ReadError):
    code = "unsupported_format"


class BinaryGarbageError(ReadError):
    code = "binary_garbage"


class EncodingError(ReadError):
    code = "unknown_encoding"


class CorruptFileError(ReadError):
    code = "corrupt_file"


class PdfEncryptedError(ReadError):
    code = "pdf_encrypted"


class PdfNoTextError(ReadError):
    code = "pdf_no_text"


class DocxProtectedError(ReadError):
    code = "docx_protected"


class OcrUnavailableError(ReadError):
    code = "ocr_unavailable"


class FileTooLargeError(ReadError):
    code = "file_too_large"


class UnsafeArchiveError(ReadError):
    code = "unsafe_archive"


class ExtractionTimeoutError(VanbanError):
    code = "extraction_timeout"


class ExtractionError(VanbanError):
    code = "extraction_failed"


class ExtractionMemoryError(VanbanError):
    code = "extraction_out_of_memory"


class MemoryLimitError(VanbanError):
    """The extraction process died at its address-space limit (a native allocation failed)."""

    code = "memory_limit"


class EncryptedArchiveError(ReadError):
    code = "archive_encrypted"


# --- files that are not read: what they are, where they lead -------------------------------------


class NotRegularFileError(ReadError):
    """A FIFO, socket, device or directory (or a link to one): never opened, so never waited on."""

    code = "not_a_regular_file"


class SymlinkOutsideRootsError(ReadError):
    """A symbolic link in a folder being loaded that leads out of the folders named."""

    code = "symlink_outside_roots"


class SymlinkLoopError(ReadError):
    code = "symlink_loop"


# --- cheap refusals before expensive parsing (the limits are in ``vanban.extractors.limits``) -----


class PdfTooManyPagesError(ReadError):
    code = "pdf_too_many_pages"


class PdfPageTooLargeError(ReadError):
    code = "pdf_page_too_large"


class PdfStreamTooLargeError(ReadError):
    code = "pdf_stream_too_large"


class XmlPartTooLargeError(ReadError):
    code = "xml_part_too_large"


class TooDeeplyNestedError(ReadError):
    code = "too_deeply_nested"


class ImageTooLargeError(ReadError):
    code = "image_too_large"


class TextTooLongError(ReadError):
    code = "text_too_long"
