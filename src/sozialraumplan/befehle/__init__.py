"""Sub-commands of the `sozialraumplan` command line, one module each.

Every module here defines `registrieren(unterbefehle)`, which adds its sub-parser and sets
`ausfuehren` (a function taking the parsed arguments and returning the exit code). The CLI
discovers the modules itself, so adding a command never means editing a shared list. Because
every module is imported to build the parser, a module imports at its top only what
`registrieren` needs; what only `ausfuehren` uses (the PDF, the diff, the site's renderers) is
imported inside it, so `validate` does not wait for WeasyPrint (tests/test_cli_importe.py).

`argumente.wurzel` is the root of the plan repository, found from the current folder upwards
(`sozialraumplan.wurzel`): files of the project are read and written below it. Paths the user
types stay relative to the current folder (`wurzel.eingabe_pfad`); messages show paths inside the
project relative to the root (`wurzel.anzeige`). A command that needs no repository sets
`ohne_wurzel=True` in its defaults.
"""
