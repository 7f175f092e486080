# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 07 · Workbook: Building a map
#
# **Time:** about 25 minutes · **Goes with:** [module 07](../../notebooks/{{lang}}/07_building_a_map.ipynb)
#
# Two tasks on Lanting Food: find what a colleague's map gets wrong, then finish your own map (it opens where you left it in module 07).

# %% [markdown] lang="zh"
# # 07 · 练习册：绘制权力地图
#
# **时长：** 约 25 分钟 · **配套课程：** [第07课](../../notebooks/{{lang}}/07_building_a_map.ipynb)
#
# 围绕兰亭食品的两个任务：找出同事地图里的错误；然后完成你自己的地图（会从你在第07课停下的地方继续）。

# %%
import powermap_kit as pk
from powermap_kit import course, work_path
from powermap_kit.course import worked
from powermap_kit.widgets import Exercise, MapBuilder, people, pick, text_fields

pk.set_language("{{lang}}")
colleague = worked.example_map("07_lanting_colleague")

# %% [markdown] lang="en"
# ## Task 1: what does the colleague's map get wrong?
#
# A colleague built this map of Lanting Food from the same notes. Reread the notes in module 07, compare them person by person with the map, and pick everyone whose record disagrees with them.

# %% [markdown] lang="zh"
# ## 任务一：同事的地图错在哪里？
#
# 一位同事根据同样的记录画了这张兰亭食品的地图。重读第07课的记录，逐人对照地图，选出记录与之不符的每一个人。

# %%
course.map_picture(colleague)

# %%
Exercise("07w.errors", lambda a: worked.check_map_errors(colleague, "07_lanting_food", a), pick(people(colleague)))

# %% [markdown] lang="en" tags=["solution"]
# **Solution.** Four records disagree: Guo Jianhua's stance (*neutral*, but nobody has met him: *unknown*), Fang Yuan's stance (a form by email is no signal: *unknown*), Su Qing's roles (she evaluates and influences; Guo decides, top-down) and Luo Xiaobei's power (access to the GM is not power: 1). Han Li and Deng Lei are right. The colleague also left out the Deng–Han conflict.

# %% [markdown] lang="zh" tags=["solution"]
# **参考答案。** 有四条记录不符：郭建华的态度（标成“中立”，但没人见过他：应为“未知”）；方媛的态度（邮件发来一张表不算信号：应为“未知”）；苏晴的角色（她负责评估并施加影响；拍板的是郭总，高层确定）；罗小北的权力（接近总经理不等于有权：应为1）。韩立和邓磊是对的。同事还漏画了邓磊与韩立的冲突。

# %% tags=["solution"]
result = worked.check_map_errors(colleague, "07_lanting_food", ["guo_jianhua", "fang_yuan", "su_qing", "luo_xiaobei"])
assert result.ok, result
result

# %% [markdown] lang="en"
# ## Task 2: finish your own map
#
# Your map from module 07 opens below. Complete what is missing: every person with roles, power, stance and a line of evidence, and every line the notes describe. Then write which rating you would verify first and through which source, and press **Check**.

# %% [markdown] lang="zh"
# ## 任务二：完成你自己的地图
#
# 下面打开的是你在第07课画的地图。把缺的补上：每个人的角色、权力、态度和一句证据，以及记录里提到的每条关系。然后写一句：你最先要核实哪一项评估、通过什么来源，再点**检查**。

# %%
builder = MapBuilder(worked.example_blank("07_lanting_food"), path=work_path("example-lanting/{learner}.json"))
course.with_fallback(builder, course.map_picture(builder.map))

# %%
Exercise("07w.map", lambda note: worked.check_example_map(builder.map, "07_lanting_food", note),
         text_fields(worked.labels("map.note", ["verify"])))

# %% [markdown] lang="en" tags=["solution"]
# **Solution.** The trainer's map is below. A good note: "Guo Jianhua's stance: ask Su Qing to arrange a first visit, or call the peer company he visited."

# %% [markdown] lang="zh" tags=["solution"]
# **参考答案。** 讲师的地图见下。好的核实说明例如：“郭建华的态度：请苏晴安排第一次拜访，或者打电话问他参观过的那家同行企业。”

# %% tags=["solution"]
key = worked.example_map("07_lanting_food")
result = worked.check_example_map(key, "07_lanting_food", {"verify": "Guo Jianhua: ask Su Qing to arrange a visit"})
assert result.ok, result
course.map_picture(key)

# %% [markdown] lang="en"
# [Back to module 07](../../notebooks/{{lang}}/07_building_a_map.ipynb)

# %% [markdown] lang="zh"
# [返回第07课](../../notebooks/{{lang}}/07_building_a_map.ipynb)
