"""Pydantic models of the document record (see ../shared/spec/OUTPUT.md)."""
from vanban.schemas.record import (
    Amount,
    Assignment,
    BudgetCheck,
    DocumentRecord,
    Effect,
    EffectClause,
    ErrorInfo,
    Reference,
    Section,
    Signer,
    TableCell,
    json_schema,
)

__all__ = [
    "Amount", "Assignment", "BudgetCheck", "DocumentRecord", "Effect", "EffectClause", "ErrorInfo",
    "Reference", "Section", "Signer", "TableCell", "json_schema",
]
