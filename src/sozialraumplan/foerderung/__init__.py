"""Funding under the FRL Soziales: the non-public side (applications, check, assessment,
ranking, internal site) and the step that publishes the funded projects' public fields.

Only `sozialraumplan foerderung` reads the non-public folder. The public build knows nothing of
it: it reads `plan/foerderprojekte/`, ordinary public files this package writes.
"""
