# %% [markdown] lang="en"
# # 16 · After the course: the same skills, new situations
#
# **Time:** 10 minutes for the check · the final case about 90 minutes, when your trainer sets it (in class or as homework)
#
# Fifteen new situations for the five skills you checked at the start: identifying buying
# roles, recognising the buying stage, reading the decision mode, rating support and choosing
# the next action. This time, use what the course taught: look for what each person *does*,
# not their title or how friendly they are.
#
# - You see your score for each skill, then your own before-and-after picture.
# - Your answers are saved as you check them.
# %% [markdown] lang="zh"
# # 16 · 课程结束：同样的能力，新的场景
#
# **时间：** 小测10分钟；结业案例约90分钟，由讲师安排在课上或课后完成
#
# 这里是十五个新场景，考的仍是课前那五项能力：识别采购角色、判断采购阶段、判断决策方式、评估支持度、选择下一步行动。这一次请用上课程所学：看每个人实际做了什么，而不是看头衔或者对我们是否热情。
#
# - 你会看到每项能力的得分，以及你自己课前课后的对比图。
# - 每次点“检查”都会保存答案。

# %%
import powermap_kit as pk
from powermap_kit import course
from powermap_kit.widgets import Exercise, MapBuilder, SubmitButton, choose_each
pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## 1. Who plays which role?
# For each person, choose the buying role the situation shows.
# %% [markdown] lang="zh"
# ## 1. 谁扮演什么角色？
# 根据每个场景的描述，为这个人选出他在采购中的角色。

# %%
Exercise("assessment.post.roles", lambda a: pk.check_assessment("post", "roles", a),
         choose_each(pk.assessment_questions("post", "roles"), per_item=pk.assessment_options("post", "roles")))

# %% [markdown] lang="en"
# ## 2. Where is the customer?
# Each sentence is something a customer said. Which buying stage does it show?
# %% [markdown] lang="zh"
# ## 2. 客户走到哪一步了？
# 每句话都是客户的原话。它说明客户处在哪个采购阶段？

# %%
Exercise("assessment.post.stages", lambda a: pk.check_assessment("post", "stages", a),
         choose_each(pk.assessment_questions("post", "stages"), per_item=pk.assessment_options("post", "stages")))

# %% [markdown] lang="en"
# ## 3. How will they decide?
# Which decision mode does each description show?
# %% [markdown] lang="zh"
# ## 3. 客户会怎样做决定？
# 每段描述体现的是哪一种决策方式？

# %%
Exercise("assessment.post.modes", lambda a: pk.check_assessment("post", "modes", a),
         choose_each(pk.assessment_questions("post", "modes"), per_item=pk.assessment_options("post", "modes")))

# %% [markdown] lang="en"
# ## 4. Where do they stand toward us?
# Rate each person's support from what they have said and done.
# %% [markdown] lang="zh"
# ## 4. 对方对我们是什么态度？
# 根据对方说过的话、做过的事，评估他对我们的支持程度。

# %%
Exercise("assessment.post.support", lambda a: pk.check_assessment("post", "support", a),
         choose_each(pk.assessment_questions("post", "support"), per_item=pk.assessment_options("post", "support")))

# %% [markdown] lang="en"
# ## 5. What would you do next?
# Choose the best next step for each situation.
# %% [markdown] lang="zh"
# ## 5. 下一步你会怎么做？
# 为每个情境选出最合适的下一步。

# %%
Exercise("assessment.post.actions", lambda a: pk.check_assessment("post", "actions", a),
         choose_each(pk.assessment_questions("post", "actions"), per_item=pk.assessment_options("post", "actions")))

# %% [markdown] lang="en"
# ## Your before and after
# Once both checks are done, this shows your share right per skill before and after the course.
# %% [markdown] lang="zh"
# ## 你的课前课后对比
# 两次小测都完成后，这里会显示你每项能力在课前和课后的答对比例。

# %%
my_gains = pk.assessment_gains(pk.work_path("{learner}_answers.jsonl"))
pk.gains_picture(my_gains, learner=pk.learner_name()) if len(my_gains) else None

# %% [markdown] lang="en"
# ## The final case: Beiyue Heavy Industry
#
# The course ends with a case you have not seen: a large group's equipment purchase at its
# final decision. Read the [brief](../../case_studies/equipment-group/brief.{{lang}}.md) and the
# eight documents, build the map with evidence, and submit it; your trainer scores it. As in
# the flagship cases, the check names where to look, and the expert map and debrief open only
# after you submit. Be careful whom you believe.
# %% [markdown] lang="zh"
# ## 结业案例：北岳重工
#
# 课程以一个你没见过的案例收尾：一家大型集团的设备采购，已经走到最终决策阶段。请阅读[案例简报](../../case_studies/equipment-group/brief.{{lang}}.md)和八份资料，画出有证据支撑的权力地图并提交，由讲师评分。和旗舰案例一样，检查只会告诉你该回头看哪里；专家地图和复盘要等你提交之后才会打开。注意：不是每个热心的人都值得相信。

# %%
final = pk.load_case("equipment-group")
final_builder = MapBuilder(final.blank_map(), path=pk.work_path("equipment-group/{learner}.json"))
final_builder

# %%
course.check_case_map(final_builder.map, final)

# %%
SubmitButton(final_builder)

# %%
course.debrief(final)

# %% [markdown] lang="en"
# Previous: [15 · Your own deal](15_your_own_deal.ipynb) · Back to the start: [00 · Start here](00_start_here.ipynb)
# %% [markdown] lang="zh"
# 上一模块：[15 · 你自己的商机](15_your_own_deal.ipynb) · 回到起点：[00 · 从这里开始](00_start_here.ipynb)

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: post-course check
#
# - **Timing:** 10 minutes at the very end, before the closing round; do not skip it when time runs
#   short: cut the last debrief question instead.
# - **Key message:** "Same five skills, new situations: this is how we see what the course changed."
# - **Don't** reveal answers: the items are reused in the next workshop.
# - **After:** `powermap progress <work folder> --assessment` prints each learner's and the room's gain per
#   skill; in the trainer guide `pk.gains_picture(pk.assessment_gains(folder))` draws the room. A skill with
#   no gain points at a module to rework, not at the learners.
# - **Sources:** roles, stages and decision modes follow seed 003; support levels seeds 000 and 003; the
#   items themselves are ours.
# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：课后小测
#
# - **时间：** 课程最后、结业分享之前做10分钟；时间紧时宁可砍掉最后一个复盘问题，也不要跳过它。
# - **核心信息：**“同样五项能力，换了新场景：这样才能看出课程带来的变化。”
# - **不要**公布答案：下一期培训还要用这些题目。
# - **之后：** `powermap progress <作业文件夹> --assessment` 会列出每位学员和全班在每项能力上的提升；在讲师指南里用 `pk.gains_picture(pk.assessment_gains(folder))` 画出全班对比图。某项能力没有提升，说明要改进的是对应模块，而不是学员。
# - **出处：** 采购角色、采购阶段、决策方式依据种子003；支持度依据种子000和003；题目本身为我们自编。
