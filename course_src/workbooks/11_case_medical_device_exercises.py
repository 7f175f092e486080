# %% [markdown] lang="en"
# # 11 · Workbook: the medical-device case
#
# **Time:** about 35 minutes · **Goes with:** [module 11](../../notebooks/en/11_case_medical_device.ipynb)
#
# This workbook takes the case further than the notebook: you finish and submit your map,
# then choose between the would-be coaches and prepare to defend your choice. Every task is
# answered with the buttons and fields below; **Check** tells you what holds and where to
# look again.

# %% [markdown] lang="zh"
# # 11 · 练习册：医疗器械案例
#
# **时间：** 约35分钟 · **配套模块：** [模块11](../../notebooks/zh/11_case_medical_device.ipynb)
#
# 这本练习册比模块11更进一步：先完成并提交地图，再在几位“可能的教练”中做出选择，并准备好为你的选择辩护。所有题目都用下面的按钮和输入框作答；点“检查”会告诉你哪些站得住、该回头看哪里。

# %% [markdown] lang="en" tags=["solution"]
# **Trainer's copy.** The solution cells put the expert map and the right answers in, so every
# check below shows what a complete answer earns. Keep this notebook away from learners.

# %% [markdown] lang="zh" tags=["solution"]
# **讲师版。** 解答单元格会填入专家地图和正确答案，下面每项检查都显示完整答案的得分。请勿发给学员。

# %%
import powermap_kit as pk
from powermap_kit import course, load_case, work_path
from powermap_kit.widgets import Exercise, MapBuilder, SubmitButton, text_fields

pk.set_language("{{lang}}")
case = load_case("medical-device")

# %% [markdown] lang="en"
# ## Task 1: finish and submit your map
#
# The builder opens the map you started in module 11 (the same file). Finish it, check it,
# and submit it: your trainer sees the submission, and the debrief of module 11 unlocks.
# The [brief](../../case_studies/medical-device/brief.en.md) and the documents are in module 11.

# %% [markdown] lang="zh"
# ## 任务1：完成并提交地图
#
# 画图工具会打开你在模块11开始画的那张地图（同一个文件）。画完、检查后提交：讲师会看到你的提交，模块11的复盘也随之解锁。[案例简报](../../case_studies/medical-device/brief.zh.md)和各份资料见模块11。

# %% tags=["solution"]
expert = case.key.copy()
expert.grading = None
pk.save_map(expert, work_path("medical-device/{learner}.json"))

# %%
builder = MapBuilder(case.blank_map(), path=work_path("medical-device/{learner}.json"))
course.with_fallback(builder, course.map_picture(builder.map))

# %% tags=["points:10"]
course.check_case_map(builder.map, case)

# %%
SubmitButton(builder)

# %% [markdown] lang="en"
# ## Task 2: which coach do you keep?
#
# More than one person in the hospital offers to help. Verify each against the documents:
# whose information checks out, who explains the process instead of offering secrets, who
# asks for nothing that breaks the integrity rules? Type the name of the one you keep.

# %% [markdown] lang="zh"
# ## 任务2：留下哪一位教练？
#
# 医院里不止一个人表示愿意帮忙。请用资料逐一验证：谁的信息经得起核实？谁讲清流程而不是透露机密？谁没有提出违反廉洁规定的要求？填上你决定留下的那一位的姓名。

# %%
coach_exercise = Exercise("11.coach", lambda answer: course.check_coach_choice(case, answer.get("coach")),
                          text_fields({"coach": dict(en="The coach I keep", zh="我留下的教练")}))
coach_exercise

# %% tags=["solution"]
coach_exercise.form.set({"coach": next(p.name for p in case.key.stakeholders if p.is_coach)})
coach_exercise.check()

# %% [markdown] lang="en"
# ## Discuss
#
# The person you did not keep may still be useful. What would you ask them, what would you
# never ask them, and how do you stay on the right side of the hospital's rules?
#
# [Back to module 11](../../notebooks/en/11_case_medical_device.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 没被你选中的那个人也许仍然有用。你会向他了解什么？什么是绝对不能问的？怎样始终守在医院规定的界线之内？
#
# [返回模块11](../../notebooks/zh/11_case_medical_device.ipynb)
