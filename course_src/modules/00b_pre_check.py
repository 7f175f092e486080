# %% [markdown] lang="en"
# # 00b · Before we start: a ten-minute check
#
# **Time:** 10 minutes · no preparation needed
#
# Fifteen short situations from real deals, three for each skill this course builds:
# identifying buying roles, recognising the buying stage, reading the decision mode, rating
# support and choosing the next action. Answer from your own experience; nobody expects you
# to know the course's terms yet.
#
# - You see your score for each skill, not the answers: the same skills come back at the end
#   of the course with different situations, and your trainer compares the two.
# - Your answers are saved as you check them, so you can stop and come back.
# %% [markdown] lang="zh"
# # 00b · 开课前：十分钟小测
#
# **时间：** 10 分钟，无需准备
#
# 下面是十五个来自真实商机的小场景，对应本课程要培养的五项能力，每项三题：识别采购角色、判断采购阶段、判断决策方式、评估支持度、选择下一步行动。凭你自己的经验作答就好，现在还不需要懂课程里的术语。
#
# - 你只会看到每项能力的得分，不会看到答案：课程结束时会用不同的场景再测一次同样的能力，讲师会对比两次的结果。
# - 每次点“检查”都会保存答案，可以中途离开、稍后再回来。

# %%
import powermap_kit as pk
from powermap_kit.widgets import Exercise, choose_each
pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## 1. Who plays which role?
# For each person, choose the buying role the situation shows.
# %% [markdown] lang="zh"
# ## 1. 谁扮演什么角色？
# 根据每个场景的描述，为这个人选出他在采购中的角色。

# %%
Exercise("assessment.pre.roles", lambda a: pk.check_assessment("pre", "roles", a),
         choose_each(pk.assessment_questions("pre", "roles"), per_item=pk.assessment_options("pre", "roles")))

# %% [markdown] lang="en"
# ## 2. Where is the customer?
# Each sentence is something a customer said. Which buying stage does it show?
# %% [markdown] lang="zh"
# ## 2. 客户走到哪一步了？
# 每句话都是客户的原话。它说明客户处在哪个采购阶段？

# %%
Exercise("assessment.pre.stages", lambda a: pk.check_assessment("pre", "stages", a),
         choose_each(pk.assessment_questions("pre", "stages"), per_item=pk.assessment_options("pre", "stages")))

# %% [markdown] lang="en"
# ## 3. How will they decide?
# Which decision mode does each description show?
# %% [markdown] lang="zh"
# ## 3. 客户会怎样做决定？
# 每段描述体现的是哪一种决策方式？

# %%
Exercise("assessment.pre.modes", lambda a: pk.check_assessment("pre", "modes", a),
         choose_each(pk.assessment_questions("pre", "modes"), per_item=pk.assessment_options("pre", "modes")))

# %% [markdown] lang="en"
# ## 4. Where do they stand toward us?
# Rate each person's support from what they have said and done.
# %% [markdown] lang="zh"
# ## 4. 对方对我们是什么态度？
# 根据对方说过的话、做过的事，评估他对我们的支持程度。

# %%
Exercise("assessment.pre.support", lambda a: pk.check_assessment("pre", "support", a),
         choose_each(pk.assessment_questions("pre", "support"), per_item=pk.assessment_options("pre", "support")))

# %% [markdown] lang="en"
# ## 5. What would you do next?
# Choose the best next step for each situation.
# %% [markdown] lang="zh"
# ## 5. 下一步你会怎么做？
# 为每个情境选出最合适的下一步。

# %%
Exercise("assessment.pre.actions", lambda a: pk.check_assessment("pre", "actions", a),
         choose_each(pk.assessment_questions("pre", "actions"), per_item=pk.assessment_options("pre", "actions")))

# %% [markdown] lang="en"
# That's it. Keep your scores in mind but don't look them up: the course is about *how* to
# find these answers in a real account, not about these fifteen situations.
#
# Next: [00 · Start here](00_start_here.ipynb)
# %% [markdown] lang="zh"
# 小测到此结束。得分记在心里就好，不必去查答案：这门课要教的是如何在真实客户中找到这些答案，而不是这十五道题本身。
#
# 下一步：[00 · 从这里开始](00_start_here.ipynb)

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: pre-course check
#
# - **Timing:** 10 minutes at the very start, before module 00; late arrivals can do it during the first break.
# - **Key message:** "This is not a test of you; it shows the room where to spend our time."
# - **Don't** discuss the items or reveal answers: the post-course check (module 16) uses different
#   situations for the same five skills, and the items are reused next month.
# - **After:** run `powermap progress <work folder> --assessment` (or `pk.assessment_gains(...)` in the
#   trainer guide) to see the room's starting point per skill; spend more time on the weakest.
# - **Sources:** roles, stages and decision modes follow seed 003; support levels seeds 000 and 003; the
#   items themselves are ours.
# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：课前小测
#
# - **时间：** 开场后、模块00之前做10分钟；迟到的学员可以在第一次茶歇时补做。
# - **核心信息：**“这不是考你，而是帮全班找到最该花时间的地方。”
# - **不要**讲解题目或公布答案：课后小测（模块16）用不同的场景考同样五项能力，而且题目下个月还要再用。
# - **之后：** 运行 `powermap progress <作业文件夹> --assessment`（或在讲师指南里调用 `pk.assessment_gains(...)`），查看全班每项能力的起点，把更多时间留给最弱的一项。
# - **出处：** 采购角色、采购阶段、决策方式依据种子003；支持度依据种子000和003；题目本身为我们自编。
