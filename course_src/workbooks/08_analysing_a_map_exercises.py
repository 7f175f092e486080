# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] lang="en"
# # 08 · Workbook: Analysing a map
#
# **Time:** about 20 minutes · **Goes with:** [notebook 08](../../notebooks/{{lang}}/08_analysing_a_map.ipynb)
#
# Three tasks that take notebook 08 further on the Huachuan Cold Chain map: the rest of the
# power matrix (including someone nobody can place yet), whom to contact first, and a second
# interest conflict. Answer with the buttons and lists, then press **Check**; change your
# answer as often as you like. Your answers are saved.

# %% [markdown] lang="zh"
# # 08 · 练习册：分析权力地图
#
# **时间：** 约20分钟 · **配套单元：** [第08单元](../../notebooks/{{lang}}/08_analysing_a_map.ipynb)
#
# 围绕华川冷链的地图，把第08单元再往前推一步，共三道题：完成权力矩阵的其余部分（包括一位还无法定位的人）、判断先接触谁，以及处理第二个利益冲突。用下拉框和按钮作答，再点击**检查**；答案可以随时修改，系统会自动保存。

# %%
import powermap_kit as pk
from powermap_kit.course import engagement as eg
from powermap_kit.widgets import Exercise, choose, choose_each

pk.set_language("{{lang}}")
pm = eg.example("08_huachuan_cold_chain")

# %% [markdown] lang="en"
# ## Task 1: the rest of the matrix
#
# Place the other four people. One of them cannot be placed yet: say so rather than guess.

# %% [markdown] lang="zh"
# ## 第一题：完成矩阵
#
# 给另外四个人定位。其中有一个人目前还无法定位：如实选“待定位”，不要猜。

# %%
eg.known_table(pm, ["yao", "qi", "min", "gan"])

# %%
ex_matrix = Exercise("08w.matrix", lambda a: eg.check_matrix(pm, a, ["yao", "qi", "min", "gan"]),
                     choose_each(eg.people_items(pm, ["yao", "qi", "min", "gan"]), eg.quadrant_options()))
ex_matrix

# %% tags=["solution"]
ex_matrix.form.set({"yao": "contact_first", "qi": "keep_informed", "min": "keep_informed", "gan": "unplaced"})
assert ex_matrix.check().ok
ex_matrix.result

# %% [markdown] lang="en"
# ## Task 2: a second conflict
#
# Procurement manager Qi Hongmei must compare at least three vendors before any contract. Luo
# Bin wants the sensors he has already tested and sees the comparison as a delay. If the
# comparison is written without his criteria, we lose him; if he tries to skip it, Procurement
# stops the project. Which proposal finds the balance point?

# %% [markdown] lang="zh"
# ## 第二题：第二个利益冲突
#
# 采购经理祁红梅在签任何合同之前，都必须比较至少三家供应商。骆斌想要他已经测试过的传感器，认为比价是在拖时间。如果比价标准里没有他的要求，我们就会失去他；如果他想绕过比价，采购部会叫停项目。哪个方案找到了平衡点？

# %%
ex_tender = Exercise("08w.balance", lambda a: eg.check_balance_point(a, "tender"), choose(eg.balance_options("tender")))
ex_tender

# %% tags=["solution"]
ex_tender.form.set("t2")
assert ex_tender.check().ok
ex_tender.result

# %% [markdown] lang="en"
# ## Task 3: discuss with your neighbour
#
# Gan Hong, the group investment committee representative, could not be placed. Name two ways
# to find out what he decides and who listens to him, without asking him directly. Which of
# the people we already reach could tell us?

# %% [markdown] lang="zh"
# ## 第三题：和同桌讨论
#
# 集团投资委员会代表甘宏无法定位。请说出两种不直接问他本人、就能弄清他能决定什么、谁听他的办法。我们已经接触到的人里，谁可能知道？

# %% [markdown] lang="en" tags=["trainer"]
# **Facilitator notes (workbook 08).** Task 1: Yao Zhendong → contact first; Qi Hongmei and Min
# Tao → keep informed; Gan Hong → not placed (unknown is an information gap, never a guess).
# Task 2: written, weighted test criteria from Luo Bin's trial inside Qi Hongmei's comparison,
# with an on-site test for every bidder. Task 3 (expected): ask the VP Operations' office or the
# CFO (she reports to the GM and deals with the group on budgets); read the group's investment
# rules (public or from the contract process); our coach, if we develop one. *Source:* seed 000
# §4 (matrix, interest conflicts); unknown-as-gap is the course's rating rubric.

# %% [markdown] lang="zh" tags=["trainer"]
# **讲师备注（练习册08）。** 第一题：姚振东→优先接触；祁红梅、闵涛→保持沟通；甘宏→待定位（未知是信息缺口，不能猜）。第二题：把骆斌的试用结果写成有权重的测试标准，纳入祁红梅的比价，每家投标方都做现场测试。第三题参考答案：问运营副总裁办公室或财务总监（她向总经理汇报，又和集团打预算交道）；查阅集团的投资管理规定（公开渠道或合同流程中可以拿到）；如果能发展出教练，也可以问教练。*出处：* 种子000第四节（权力矩阵、利益冲突）；“未知即信息缺口”出自本课程的评分规则。

# %% [markdown] lang="en"
# [Back to notebook 08](../../notebooks/{{lang}}/08_analysing_a_map.ipynb)

# %% [markdown] lang="zh"
# [返回第08单元](../../notebooks/{{lang}}/08_analysing_a_map.ipynb)
