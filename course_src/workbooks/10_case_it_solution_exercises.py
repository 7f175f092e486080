# %% [markdown] lang="en"
# # 10 · Workbook: the IT-solution case
#
# **Time:** about 40 minutes · **Goes with:** [module 10](../../notebooks/en/10_case_it_solution.ipynb)
#
# This workbook takes the case further than the notebook: you finish and submit your map,
# then test the coach's tips against the rest of the pack and decide whom you can trust
# as a coach. Every task is answered with the buttons and fields below; **Check** tells you
# what holds and where to look again.

# %% [markdown] lang="zh"
# # 10 · 练习册：IT解决方案案例
#
# **时间：** 约40分钟 · **配套模块：** [模块10](../../notebooks/zh/10_case_it_solution.ipynb)
#
# 这本练习册比模块10更进一步：先完成并提交地图，再用其他资料逐条检验教练给的消息，判断谁才是值得信任的教练。所有题目都用下面的按钮和输入框作答；点“检查”会告诉你哪些站得住、该回头看哪里。

# %% [markdown] lang="en" tags=["solution"]
# **Trainer's copy.** The solution cells put the expert map and the right answers in, so every
# check below shows what a complete answer earns. Keep this notebook away from learners.

# %% [markdown] lang="zh" tags=["solution"]
# **讲师版。** 解答单元格会填入专家地图和正确答案，下面每项检查都显示完整答案的得分。请勿发给学员。

# %%
import powermap_kit as pk
from powermap_kit import course, load_case, work_path
from powermap_kit.widgets import Exercise, MapBuilder, SubmitButton, choose_each, text_fields

pk.set_language("{{lang}}")
case = load_case("it-solution")

# %% [markdown] lang="en"
# ## Task 1: finish and submit your map
#
# The builder opens the map you started in module 10 (the same file). Finish it, check it,
# and submit it when you are satisfied: your trainer sees the submission, and the debrief
# of module 10 unlocks. The [brief](../../case_studies/it-solution/brief.en.md) and the
# documents are in module 10.

# %% [markdown] lang="zh"
# ## 任务1：完成并提交地图
#
# 画图工具会打开你在模块10开始画的那张地图（同一个文件）。把它画完、检查，满意后提交：讲师会看到你的提交，模块10的复盘也随之解锁。[案例简报](../../case_studies/it-solution/brief.zh.md)和各份资料见模块10。

# %% tags=["solution"]
expert = case.key.copy()
expert.grading = None
pk.save_map(expert, work_path("it-solution/{learner}.json"))

# %%
builder = MapBuilder(case.blank_map(), path=work_path("it-solution/{learner}.json"))
course.with_fallback(builder, course.map_picture(builder.map))

# %% tags=["points:10"]
course.check_case_map(builder.map, case)

# %%
SubmitButton(builder)

# %% [markdown] lang="en"
# ## Task 2: test the coach's tips
#
# An insider passed on these tips. For each, decide what the rest of the pack does with it:
# confirms it, contradicts it, or leaves it unverified. A tip is not true because a friendly
# person said it.

# %% [markdown] lang="zh"
# ## 任务2：检验教练的消息
#
# 一位内部人士透露了下面这些消息。请逐条判断其他资料对它的态度：证实、推翻，还是无法核实。消息不会因为是“自己人”说的就变成真的。

# %%
tips = {tip: {lg: pk.vocab.text(f"course.tip.it-solution.{tip}", lg) for lg in pk.vocab.LANGUAGES}
        for tip in course.COACH_TIPS["it-solution"]}
verdicts = {v: {lg: pk.vocab.text(f"course.verdict.{v}", lg) for lg in pk.vocab.LANGUAGES} for v in course.VERDICTS}
tips_exercise = Exercise("10.coach_tips", lambda answer: course.check_coach_tips(answer, case),
                         choose_each(tips, verdicts))
tips_exercise

# %% tags=["solution"]
tips_exercise.form.set(dict(course.COACH_TIPS["it-solution"]))
tips_exercise.check()

# %% [markdown] lang="en"
# ## Task 3: who is your coach?
#
# A coach gives you information that checks out, explains how the customer decides, and
# wants us to win for reasons of their own. Who in this case earns that name? Type the
# name as the documents write it.

# %% [markdown] lang="zh"
# ## 任务3：谁是你的教练？
#
# 教练提供的信息经得起核实，会讲清客户怎样做决定，并且出于自己的理由希望我们赢。这个案例里谁配得上这个称呼？按资料里的写法填上姓名。

# %%
coach_exercise = Exercise("10.coach", lambda answer: course.check_coach_choice(case, answer.get("coach")),
                          text_fields({"coach": dict(en="Our coach", zh="我们的教练")}))
coach_exercise

# %% tags=["solution"]
coach_exercise.form.set({"coach": next(p.name for p in case.key.stakeholders if p.is_coach)})
coach_exercise.check()

# %% [markdown] lang="en"
# ## Discuss
#
# Which tip would have cost you the deal had you believed it, and which document saved you?
# Write your answer in three lines for the debrief.
#
# [Back to module 10](../../notebooks/en/10_case_it_solution.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 哪条消息如果信了，会让你丢掉这个单子？是哪份资料救了你？用三行字写下你的答案，复盘时分享。
#
# [返回模块10](../../notebooks/zh/10_case_it_solution.ipynb)
