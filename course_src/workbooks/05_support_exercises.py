# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 05 · Workbook: Support
#
# **Time:** about 20 minutes · **Goes with:** [module 05](../../notebooks/{{lang}}/05_support.ipynb)
#
# Two more people at Beichen Medical Devices, the example of module 05: the finance director who leans to the current supplier, and the deputy general manager who signs. Rate each from what we know; the assessor shows the level your ratings give and whether it matches the example.

# %% [markdown] lang="zh"
# # 05 · 练习册：支持度
#
# **时长：** 约 20 分钟 · **配套课程：** [第05课](../../notebooks/{{lang}}/05_support.ipynb)
#
# 再看北辰医疗器械（第05课的例子）的两个人：偏向现有供应商的财务总监，以及负责签字的副总经理。根据我们掌握的情况给每个人打分；评估器会显示你的评分对应的层级，以及是否与例子相符。

# %%
import powermap_kit as pk
from powermap_kit import course, work_path
from powermap_kit.course import worked
from powermap_kit.widgets import SupportAssessor

pk.set_language("{{lang}}")
beichen = worked.example_map("05_beichen")

# %% [markdown] lang="en"
# ## Task 1: rate Yan Li
#
# Yan Li (严丽), finance director, power 4. What we know:
#
# - at the budget meeting she said "our current supplier works well, why change?";
# - she invited the competitor, not us, to a follow-up on running costs;
# - she answered one of our two emails, in one line;
# - her view weighs heavily with the deputy general manager.

# %% [markdown] lang="zh"
# ## 任务一：给严丽打分
#
# 财务总监严丽，权力4。我们掌握的情况：
#
# - 在预算会上她说：“现在的供应商用得挺好，为什么要换？”
# - 关于运行成本的后续交流，她只邀请了竞争对手，没有邀请我们；
# - 我们发的两封邮件，她只回了一封，而且只有一句话；
# - 她的意见在副总经理那里分量很重。

# %%
SupportAssessor(beichen, person="yan_li", path=work_path("{learner}_answers.jsonl"))

# %% [markdown] lang="en" tags=["solution"]
# **Solution.** Solution fit 2, trust 2, cooperation 1, contact frequency 2; influence 4 (it weighs, it does not point). The level is *opposes us*: her actions helped the competitor. The high influence is why she matters: she is the person to understand first (her concern is running cost), not one to avoid.

# %% [markdown] lang="zh" tags=["solution"]
# **参考答案。** 方案认可度2、信任程度2、合作意愿1、沟通频率2；影响力4（它说明分量，不说明方向）。层级为“反对”：她的做法在帮竞争对手。影响力高正说明她很关键：她是要先去理解的人（她关心的是运行成本），而不是要躲开的人。

# %% tags=["solution"]
result = course.assess_support({"solution_fit": 2, "trust": 2, "cooperation": 1, "contact_frequency": 2, "influence": 4},
                               beichen, "yan_li")
assert result.ok, result
result

# %% [markdown] lang="en"
# ## Task 2: rate Kong Jun
#
# Kong Jun (孔军), deputy general manager, signs the contract. What we know: a handshake at a trade fair in March, "send me something"; we sent a brochure; nothing since. Rate only what this evidence shows.

# %% [markdown] lang="zh"
# ## 任务二：给孔军打分
#
# 副总经理孔军，负责签合同。我们掌握的情况：三月份在展会上握过手，他说“发点资料给我”；我们寄了资料；之后再无往来。只按这些证据能说明的去打分。

# %%
SupportAssessor(beichen, person="kong_jun", path=work_path("{learner}_answers.jsonl"))

# %% [markdown] lang="en" tags=["solution"]
# **Solution.** Leave every dimension *not rated*: the evidence says nothing about his view of our solution, his trust or his willingness to work with us. With fewer than two dimensions rated the level is *unknown*, which is the honest answer and the most urgent gap on this map: he signs.

# %% [markdown] lang="zh" tags=["solution"]
# **参考答案。** 所有维度都选“未评分”：这些证据说明不了他对我们方案的看法、对我们的信任，也说明不了他的合作意愿。打分的维度少于两个，层级就是“未知”。这是诚实的答案，也是这张地图上最紧迫的缺口：合同由他签。

# %% tags=["solution"]
result = course.assess_support({}, beichen, "kong_jun")
assert result.ok, result
result

# %% [markdown] lang="en"
# ## Discuss
#
# Yan Li opposes us and has weight; Kong Jun is unknown and signs. Which of the two do you work on first, and through whom?
#
# [Back to module 05](../../notebooks/{{lang}}/05_support.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 严丽反对我们而且分量很重；孔军态度未知，却负责签字。你先做谁的工作？通过谁去做？
#
# [返回第05课](../../notebooks/{{lang}}/05_support.ipynb)
