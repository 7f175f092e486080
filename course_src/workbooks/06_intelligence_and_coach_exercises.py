# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 06 · Workbook: Intelligence and the coach
#
# **Time:** about 20 minutes · **Goes with:** [module 06](../../notebooks/{{lang}}/06_intelligence_and_coach.ipynb)
#
# Two tasks that go on from module 06 at Qinghe Water: write your own plan to develop Zhong Lan (钟岚) as a coach, and choose how to check the one tip of Tang Min's that no document settles.

# %% [markdown] lang="zh"
# # 06 · 练习册：情报系统与教练
#
# **时长：** 约 20 分钟 · **配套课程：** [第06课](../../notebooks/{{lang}}/06_intelligence_and_coach.ipynb)
#
# 接着第06课的清河水务继续练习：写一份把钟岚培养成教练的计划；为汤敏那条没有任何资料能说清的消息，选一个核实的办法。

# %%
import powermap_kit as pk
from powermap_kit.course import coaching
from powermap_kit.widgets import Exercise, choose, text_fields

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## Task 1: a plan to develop Zhong Lan
#
# Zhong Lan reviews every project budget and must present the smart-metering budget to the budget committee next month. She knows our platform from her former employer. Write three short lines: what you give her, what you ask her, and how you will check what she tells you.

# %% [markdown] lang="zh"
# ## 任务一：培养钟岚的计划
#
# 钟岚负责审核每个项目的预算，下个月要向预算委员会汇报智能计量项目的预算。她在前东家用过我们的平台。写三句短话：你给她什么、你问她什么、你怎样核实她告诉你的事。

# %%
Exercise("06w.plan", coaching.check_coach_plan, text_fields(coaching.plan_fields(), multiline=True))

# %% [markdown] lang="en" tags=["solution"]
# **A good answer.** Give: "A five-year cost comparison for her budget committee, with figures from the utility she worked at, by Friday." Ask: "What will the committee question most, and who on it has doubts?" Verify: "Hold what she says about the committee against the 2026 work report and what Deputy GM Xu said in our visit report." Never ask her for the committee's papers or a competitor's price.

# %% [markdown] lang="zh" tags=["solution"]
# **参考答案。** 给：“周五前为她的预算委员会准备一份五年成本对比，用她前东家的数据。”问：“委员会最可能质疑什么？委员里谁有顾虑？”核实：“把她关于委员会的说法，和2026年工作报告以及我们拜访报告里徐副总的话对照。”绝不向她要委员会的材料或竞争对手的报价。

# %% tags=["solution"]
result = coaching.check_coach_plan({
    "give": "A five-year cost comparison for her budget committee, with figures from the utility she worked at",
    "ask": "What will the committee question most, and who on it has doubts?",
    "verify": "Check it against the 2026 work report and our visit report"})
assert result.ok, result
result

# %% [markdown] lang="en"
# ## Task 2: a second source for tip 3
#
# Tang Min said: "Huitong has already been promised the contract." None of documents A–C settles it. Which channel would you use to check it without relying on Tang Min?

# %% [markdown] lang="zh"
# ## 任务二：消息3的第二个来源
#
# 汤敏说：“汇通那边已经被内定了。”资料A–C都说明不了这件事。你会通过哪个渠道来核实，而不依赖汤敏本人？

# %%
Exercise("06w.second", coaching.check_second_source, choose(coaching.channel_options()))

# %% [markdown] lang="en" tags=["solution"]
# **Solution.** Any channel that does not run through Tang Min: another insider, the customer's or Huitong's former staff, an allied utility, or public sources such as past tender results and the published scoring criteria. Asking Tang Min again is not a second source; a CV says nothing about promises.

# %% [markdown] lang="zh" tags=["solution"]
# **参考答案。** 任何不经过汤敏的渠道都可以：另一位内部人士、客户或汇通的离职员工、同盟关系的水务公司，或者以往中标结果、公布的评分标准等公开信息。再问汤敏不算第二个来源；个人简历也不会写对供应商的承诺。

# %% tags=["solution"]
result = coaching.check_second_source("public_sources")
assert result.ok, result
result

# %% [markdown] lang="en"
# [Back to module 06](../../notebooks/{{lang}}/06_intelligence_and_coach.ipynb)

# %% [markdown] lang="zh"
# [返回第06课](../../notebooks/{{lang}}/06_intelligence_and_coach.ipynb)
