"""Public service units that cover their own recurrent spending (tự bảo đảm chi thường xuyên, groups 1 and 2 of
Nghị định 60/2021/NĐ-CP); e.g. Hưng Yên 2021–2025 VI.1 "chuyển đổi tối thiểu 20% các đơn vị sự nghiệp công lập tự
bảo đảm chi thường xuyên"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="self_financing_units",
    title_vi="Tỷ lệ đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên",
    title_en="Public service units covering their own recurrent spending",
    area="VI",
    inputs=(
        Input("self_financing", "count", "số đơn vị tự bảo đảm chi thường xuyên", "units covering their recurrent spending", meaning_vi="Số đơn vị sự nghiệp công lập được giao tự bảo đảm chi thường xuyên hoặc tự bảo đảm cả chi thường xuyên và chi đầu tư (nhóm 1, nhóm 2 theo Nghị định 60/2021/NĐ-CP)", meaning_en="Public service units assigned to cover their recurrent spending, or both recurrent and investment spending (groups 1 and 2 of Decree 60/2021)"),
        Input("units", "count", "tổng số đơn vị sự nghiệp công lập", "all public service units", meaning_vi="Tổng số đơn vị sự nghiệp công lập thuộc phạm vi quản lý", meaning_en="All public service units under management"),
    ),
    default_target=Goal(">=", 20),
    aggregate="latest",
)
