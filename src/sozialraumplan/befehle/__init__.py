"""Sub-commands of the `sozialraumplan` command line, one module each.

Every module here defines `registrieren(unterbefehle)`, which adds its sub-parser and sets
`ausfuehren` (a function taking the parsed arguments and returning the exit code). The CLI
discovers the modules itself, so adding a command never means editing a shared list.
"""
