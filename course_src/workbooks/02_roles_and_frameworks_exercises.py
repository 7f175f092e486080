# %% [markdown] lang="en"
# # 02 · Workbook: Roles and frameworks
#
# **Time:** about 20 minutes · **Goes with:** [module 02](../../notebooks/{{lang}}/02_roles_and_frameworks.ipynb)
#
# Your company may sell with a named method or a CRM whose roles are not ours. Two tasks:
# translate our eight roles into two widely used frameworks that module 02 did not show. Answer
# in the forms and press **Check**; your answers are kept.

# %% [markdown] lang="zh"
# # 02 · 练习册：角色与角色框架
#
# **时间：** 约20分钟 · **配套课程：** [第02课](../../notebooks/{{lang}}/02_roles_and_frameworks.ipynb)
#
# 你们公司用的销售方法或CRM，角色叫法可能和我们不同。两道题：把我们的八种角色换算到第02课没有展示的两个常用框架里。在表单里作答并点**检查**；你的作答会被保存。

# %%
import powermap_kit as pk
from powermap_kit import examples
from powermap_kit.widgets import Exercise, choose_each

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## Task 1: Miller Heiman's buying influences
#
# Many international companies plan deals with Miller Heiman's *Strategic Selling*. It names
# four buying influences:
#
# - the **economic buyer** gives the final approval and controls the money;
# - the **technical buyer** screens vendors against specifications and can say no, but not yes;
# - the **user buyer** will use the product or supervise its use;
# - the **coach** guides us through the sale.
#
# For each of our roles, choose the influence it corresponds to, or “no label”, then press
# **Check**.

# %% [markdown] lang="zh"
# ## 第1题：Miller Heiman的四种采购影响者
#
# 很多跨国公司用Miller Heiman的《战略销售》来规划项目。它把采购影响者分成四种：
#
# - **经济决策者**（economic buyer）：做最终批准，掌控资金；
# - **技术把关者**（technical buyer）：按技术规格筛选供应商，能否决，但不能拍板；
# - **使用者**（user buyer）：将来使用产品或管理使用的人；
# - **教练**（coach）：在销售过程中给我们指路的人。
#
# 请为我们的每种角色选出对应的影响者，没有对应的选“无对应标签”，然后点**检查**。

# %%
Exercise("02w.miller_heiman", lambda answer: examples.check_framework_filing("miller_heiman", answer),
         choose_each("role", examples.filing_options("miller_heiman")))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** Approver and decision maker → economic buyer (final approval, the money).
# Evaluator and purchasing executor → technical buyer (they screen against specifications and
# terms and can reject). End user → user buyer. Influencer, gatekeeper and observer → no label:
# Miller Heiman has no influence for them, which is exactly why a map with our eight roles
# shows more. The coach is not a role in our model but a flag on any person.

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 决策审批者和决策者对应经济决策者（最终批准、掌控资金）。决策支持评估者和采购执行者对应技术把关者（按规格和条款筛选，能否决）。最终用户对应使用者。影响者、看门人和观察者无对应标签：Miller Heiman里没有对应的影响者，这正是用我们八种角色画图能看到更多的原因。教练在我们的模型里不是角色，而是任何人都可以带的标记。

# %% tags=["solution"]
examples.check_framework_filing("miller_heiman", {
    "approver": "economic_buyer", "decision_maker": "economic_buyer", "evaluator": "technical_buyer",
    "influencer": "none", "purchaser": "technical_buyer", "user": "user_buyer", "gatekeeper": "none",
    "observer": "none"})

# %% [markdown] lang="en"
# ## Task 2: HubSpot's buying roles
#
# HubSpot's CRM lets you tag each contact of a deal with one buying role: **budget holder**,
# **decision maker**, **influencer**, **end user**, **legal and compliance**, **champion**,
# **blocker** or **other**. Two of these describe how a person feels about us rather than what
# they do in the purchase. File each of our roles, then press **Check**.

# %% [markdown] lang="zh"
# ## 第2题：HubSpot的采购角色
#
# HubSpot的CRM可以给商机里的每个联系人打一个采购角色标签：**预算负责人**、**决策者**、**影响者**、**最终用户**、**法务与合规**、**拥护者**（champion）、**反对者**（blocker）或**其他**。其中有两个描述的是此人对我们的态度，而不是他在采购中做什么。请归类我们的每种角色，然后点**检查**。

# %%
Exercise("02w.hubspot", lambda answer: examples.check_framework_filing("hubspot", answer),
         choose_each("role", examples.filing_options("hubspot")))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** Approver → budget holder; decision maker → decision maker; evaluator and
# influencer → influencer; end user → end user; observer → legal and compliance (they watch the
# process without choosing); purchasing executor and gatekeeper → other. Champion and blocker
# are stances: a learner who files the decision maker under “champion” has mixed up what a person
# does with how they feel about us, the point of module 02. Discuss what a CRM loses when it
# forces one tag per contact (Ouyang Nan at Hengtai was both evaluator and user).

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 决策审批者归入预算负责人；决策者归入决策者；决策支持评估者和影响者归入影响者；最终用户归入最终用户；观察者归入法务与合规（关注流程，不参与选择）；采购执行者和看门人归入其他。拥护者和反对者是态度：把决策者归到“拥护者”的学员，混淆了一个人做什么和他对我们的态度，这正是第02课的要点。可以讨论：CRM规定每个联系人只能打一个标签，会丢掉什么信息（恒泰制药的欧阳楠既是评估者又是用户）。

# %% tags=["solution"]
examples.check_framework_filing("hubspot", {
    "approver": "budget_holder", "decision_maker": "decision_maker", "evaluator": "influencer",
    "influencer": "influencer", "purchaser": "other", "user": "end_user", "gatekeeper": "other",
    "observer": "legal_and_compliance"})

# %% [markdown] lang="en"
# ---
# [Back to module 02](../../notebooks/{{lang}}/02_roles_and_frameworks.ipynb)

# %% [markdown] lang="zh"
# ---
# [返回第02课](../../notebooks/{{lang}}/02_roles_and_frameworks.ipynb)
