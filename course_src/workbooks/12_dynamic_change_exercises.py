# %% [markdown] lang="en"
# # 12 · Workbook: dynamic change
#
# **Time:** about 30 minutes · **Goes with:** [module 12](../../notebooks/en/12_dynamic_change.ipynb)
#
# In module 12 you updated your case maps after the news. Here you finish both updates,
# check them and submit them, then turn each into a change of plan. Every task is answered
# with the builders and fields below; **Check** tells you what you have covered and what
# not yet.

# %% [markdown] lang="zh"
# # 12 · 练习册：动态变化
#
# **时间：** 约30分钟 · **配套模块：** [模块12](../../notebooks/zh/12_dynamic_change.ipynb)
#
# 在模块12里，你根据新消息更新了两个案例的地图。这里把两次更新做完、检查并提交，再把每次变化落实为计划的调整。所有题目都用下面的画图工具和输入框作答；点“检查”会告诉你哪些已经顾及、哪些还没有。

# %% [markdown] lang="en" tags=["solution"]
# **Trainer's copy.** The solution cells put the expert maps before and after each twist in,
# so every check below shows what a complete update earns. Keep this notebook away from learners.

# %% [markdown] lang="zh" tags=["solution"]
# **讲师版。** 解答单元格会填入每次变化前后的专家地图，下面每项检查都显示完整更新的得分。请勿发给学员。

# %%
import powermap_kit as pk
from powermap_kit import compare, course, load_case, work_path
from powermap_kit.widgets import MapBuilder, SubmitButton

pk.set_language("{{lang}}")
it_case = load_case("it-solution")
md_case = load_case("medical-device")

# %% [markdown] lang="en"
# ## Task 1: the IT case after the news
#
# The builder opens your update from module 12 (or, the first time, your submitted case map).

# %% [markdown] lang="zh"
# ## 任务1：消息传来之后的IT案例
#
# 画图工具会打开你在模块12里做的更新（第一次打开时，是你提交的案例地图）。

# %% tags=["solution"]
for key, folder in ((it_case.key, "it-solution"), (it_case.twist_key, "it-solution-twist")):
    expert = key.copy()
    expert.grading = None
    pk.save_map(expert, work_path(folder + "/{learner}.json"))

# %%
it_before = course.saved_map(work_path("it-solution/{learner}.json"), fallback=it_case.blank_map())
it_case.twist_document

# %%
it_builder = MapBuilder(it_before.copy(), path=work_path("it-solution-twist/{learner}.json"))
course.with_fallback(it_builder, course.map_picture(it_builder.map))

# %% tags=["points:5"]
course.check_twist_update(it_before, it_builder.map, it_case)

# %%
SubmitButton(it_builder)

# %% [markdown] lang="en"
# ## Task 2: the medical case after the news

# %% [markdown] lang="zh"
# ## 任务2：消息传来之后的医疗案例

# %% tags=["solution"]
for key, folder in ((md_case.key, "medical-device"), (md_case.twist_key, "medical-device-twist")):
    expert = key.copy()
    expert.grading = None
    pk.save_map(expert, work_path(folder + "/{learner}.json"))

# %%
md_before = course.saved_map(work_path("medical-device/{learner}.json"), fallback=md_case.blank_map())
md_case.twist_document

# %%
md_builder = MapBuilder(md_before.copy(), path=work_path("medical-device-twist/{learner}.json"))
course.with_fallback(md_builder, course.map_picture(md_builder.map))

# %% tags=["points:5"]
course.check_twist_update(md_before, md_builder.map, md_case)

# %%
SubmitButton(md_builder)

# %% [markdown] lang="en"
# ## Task 3: what changes in the plan
#
# Your two updates, as `compare` lists them. For each case, write in three lines what you
# will do differently in the next two weeks: whom you see first, who on our side goes, and
# what you verify before you move.

# %% [markdown] lang="zh"
# ## 任务3：计划要怎么变
#
# 下面用 `compare` 列出你的两次更新。针对每个案例，用三行字写下接下来两周你会怎样调整：先见谁、我方派谁去、行动前先核实什么。

# %%
print(compare(it_before, it_builder.map))
print(compare(md_before, md_builder.map))

# %% [markdown] lang="en"
# ## Discuss
#
# One twist brought a new person into the decision; the other changed no org chart at all.
# Which was harder to see coming, and what would have warned you earlier?
#
# [Back to module 12](../../notebooks/en/12_dynamic_change.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 一次变化给决策带来了新的人，另一次根本没改动组织架构图。哪一次更难提前察觉？什么信号本可以更早提醒你？
#
# [返回模块12](../../notebooks/zh/12_dynamic_change.ipynb)
