"""The indicator registry: every measured quantity cchc knows, listed explicitly.

Like yamllint's rules, indicators are registered by naming their modules below — no discovery
magic, so a typo fails at import and the list reads as the catalogue. The QĐ 766/QĐ-TTg portal's
metric codes (``ON_TIME``, ``PUBLISH_ON_TIME`` …) are aliases, so the portal's exports can be fed
in as they are. Importing this package is cheap: plain dataclasses, no openpyxl, no rich.
"""

from __future__ import annotations

from cchc.indicators import (
    agencies_inspected,
    civil_service_rules_compliance,
    complaint_satisfaction,
    complaints_handled_on_time,
    data_reuse,
    digitised_results,
    dossiers_synced,
    draft_regulations_impact_assessed,
    electronic_certified_copies,
    electronic_documents,
    electronic_results,
    fee_data_synced_procedures,
    full_online_services,
    internal_electronic_transfer,
    internal_procedures_reviewed,
    job_position_schemes_approved,
    law_monitoring_completion,
    lawmaking_staff_assigned,
    lawmaking_staff_from_talent,
    lawmaking_staff_law_degree,
    lawmaking_staff_trained,
    leadership_quota_compliance,
    legal_documents_on_time,
    official_email_use,
    on_time_dossiers,
    online_dossiers,
    online_payment_procedures,
    online_payment_transactions,
    online_service_procedures,
    online_services_on_national_portal,
    online_services_with_dossiers,
    payroll_reduction,
    personal_storage_synced,
    plan_completion_on_time,
    population_data_dossiers,
    population_data_procedures,
    procedures_at_one_stop,
    procedures_disclosed_in_full,
    procedures_published_on_time,
    procedures_simplified,
    procedures_updated_on_time,
    public_finance_rules_compliance,
    public_investment_disbursement,
    public_service_units_reduction,
    satisfaction,
    satisfaction_land_construction_investment,
    self_financing_units,
    staff_trained,
    systems_connected,
    training_plan_completion,
    waiting_time,
    work_files_online,
)
from cchc.indicators.base import Indicator

MODULES = (
    # the indicator ids of docs/plan-format.md, in its order
    on_time_dossiers,
    online_payment_procedures,
    online_payment_transactions,
    agencies_inspected,
    digitised_results,
    satisfaction,
    satisfaction_land_construction_investment,
    online_dossiers,
    internal_electronic_transfer,
    full_online_services,
    data_reuse,
    electronic_documents,
    work_files_online,
    systems_connected,
    procedures_published_on_time,
    procedures_simplified,
    complaints_handled_on_time,
    electronic_certified_copies,
    waiting_time,
    public_service_units_reduction,
    payroll_reduction,
    public_investment_disbursement,
    plan_completion_on_time,
    # QĐ 766 metrics with no equivalent above
    procedures_updated_on_time,
    procedures_disclosed_in_full,
    dossiers_synced,
    electronic_results,
    personal_storage_synced,
    population_data_dossiers,
    population_data_procedures,
    complaint_satisfaction,
    # parts of the portal's composite QĐ 766 metrics ONLINE_SERVICE and ONLINE_PAYMENT
    online_service_procedures,
    online_services_with_dossiers,
    fee_data_synced_procedures,
    # provincial PAR Index criteria for areas II and V
    legal_documents_on_time,
    training_plan_completion,
    public_finance_rules_compliance,
    civil_service_rules_compliance,
    leadership_quota_compliance,
    law_monitoring_completion,
    # procedure-control plans (kế hoạch kiểm soát TTHC)
    procedures_at_one_stop,
    internal_procedures_reviewed,
    draft_regulations_impact_assessed,
    # provincial plans' goals for job positions, training, finance and e-government (Hưng Yên 2021–2025)
    job_position_schemes_approved,
    staff_trained,
    self_financing_units,
    official_email_use,
    online_services_on_national_portal,
    # goals of a plan for the law- and policy-making civil servants (Bắc Ninh KH 141/KH-UBND, 2026–2030)
    lawmaking_staff_law_degree,
    lawmaking_staff_assigned,
    lawmaking_staff_from_talent,
    lawmaking_staff_trained,
)

INDICATORS: dict[str, Indicator] = {module.INDICATOR.id: module.INDICATOR for module in MODULES}

ALIASES: dict[str, str] = {alias: ind.id for ind in INDICATORS.values() for alias in ind.aliases}


def get_indicator(name: str) -> Indicator | None:
    """An indicator by id or portal code; ids are matched case-insensitively, codes upper-cased."""
    key = name.strip()
    found = INDICATORS.get(key) or INDICATORS.get(key.lower())
    if found is not None:
        return found
    alias = ALIASES.get(key.upper())
    return None if alias is None else INDICATORS[alias]


def indicator_ids() -> tuple[str, ...]:
    return tuple(INDICATORS)


def suggest_indicator(name: str) -> list[str]:
    """Closest indicator ids or portal codes to a misspelt name."""
    from cchc.core.text import fold, suggest

    candidates = {fold(known): known for known in (*INDICATORS, *ALIASES)}
    return suggest(name, candidates)
