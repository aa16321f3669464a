"""``framewheel export [--format json|csv|md] [--id N] [-o FILE]``: wheels, or all data, without the interface.

``framewheel export --id N --share [--notes] [--reflections] [--label] [--person TEXT] [--named]``
writes the wheel's share file for a team profile: the ratings only, plus what is asked for
(see :func:`tui.core.exchange.share.share_document`).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from tui.cli.data import EXIT_PROBLEMS, EXIT_USAGE, add_db_option, emit, run_data_command
from tui.context import AppContext



def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` to the ``framewheel`` parser."""
    export = commands.add_parser("export", help="write wheels, or all data, as JSON, CSV or Markdown")
    export.add_argument("--format", choices=("json", "csv", "md"), default="json", help="the file format (default json)")
    export.add_argument("--id", type=int, metavar="N", help="export only the wheel with this id (default: all data)")
    export.add_argument("--role", metavar="KEY", help="export only this role, as a framewheel/role@1 file "
                        "(its key as framewheel roles list shows it, or its name; JSON only)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    share = export.add_argument_group("sharing a wheel with a team (with --id; JSON only)")
    share.add_argument("--share", action="store_true",
                       help="write the wheel's share file: the ratings only, no label, notes, reflections or name")
    share.add_argument("--notes", action="store_true", help="with --share: include the wheel's notes")
    share.add_argument("--reflections", action="store_true", help="with --share: include the reflection answers")
    share.add_argument("--label", action="store_true", help="with --share: include the wheel's label")
    share.add_argument("--person", metavar="TEXT", default="", help="with --share: a name or code to go with the ratings")
    share.add_argument("--named", action="store_true",
                       help='with --share and --person: agree to be named in the team profile ("share": "named")')
    add_db_option(export)


def share_usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the sharing options as given, or None."""
    extras = [name for name in ("notes", "reflections", "label", "named") if getattr(args, name, False)]
    if getattr(args, "person", ""):
        extras.append("person")
    if not args.share:
        return f"--{extras[0]} goes with --share" if extras else None
    if args.id is None:
        return "--share needs --id N (the wheel to share)"
    if args.format != "json":
        return "--share writes JSON; leave out --format or give --format json"
    if args.named and not args.person.strip():
        return "--named needs --person TEXT (the name or code to be named by)"
    return None


def role_usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with ``--role`` as given (with ``--id``, ``--share`` or a format other than JSON), or None."""
    if getattr(args, "role", None) is None:
        return None
    if args.id is not None or args.share:
        return "--role exports one role; leave out --id and --share"
    if args.format != "json":
        return "--role writes JSON; leave out --format or give --format json"
    return None


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel export`` on the chosen data file (sharing and role options checked first)."""
    problem = role_usage_problem(args) or share_usage_problem(args)
    if problem is not None:
        print(f"framewheel export: {problem}", file=err)
        return EXIT_USAGE
    return run_data_command(run_export, args, out, err)


def run_export(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel export``: one wheel (``--id``) or all data."""
    from tui.core.exchange import to_json, to_json_bytes
    from tui.core.exchange import wheels as exchange
    from tui.transfer import export_all, report_for

    if getattr(args, "role", None) is not None:
        return export_role(context, args.role, args.output, out, err)
    if args.id is not None:
        wheel = context.assessments.get(args.id)
        if wheel is None:
            print(f"framewheel: there is no wheel with id {args.id} ({context.assessments.count()} wheel(s) saved)", file=err)
            return EXIT_PROBLEMS
        wheels = [wheel]
    elif args.format not in ("csv", "md") and not args.share:  # all data: the bundle builds what it lists, once
        return emit(to_json_bytes(export_all(context)), args.output, out, err)
    else:
        wheels = list(reversed(context.assessments.list()))
    if args.format == "csv":
        return emit(exchange.to_csv(context.catalog, wheels), args.output, out, err)
    if args.format == "md":
        reports = []
        for wheel in wheels:
            try:
                reports.append(report_for(context, wheel))
            except LookupError as error:
                print(f"framewheel: wheel {wheel.id} left out: {error}", file=err)
        if wheels and not reports:
            print(f"framewheel: none of the {len(wheels)} wheel(s) could be reported; nothing was written", file=err)
            return EXIT_PROBLEMS
        text = "\n---\n\n".join(reports) if reports else "No wheels saved yet.\n"
        return emit(text, args.output, out, err, human=True)
    if args.share:
        from tui.core.exchange.share import share_document

        document = share_document(wheels[0], notes=args.notes, reflections=args.reflections, label=args.label,
                                  person=args.person, named=args.named)
        return emit(to_json(document), args.output, out, err)
    document = exchange.assessment_document(wheels[0]) if args.id is not None else export_all(context)
    return emit(to_json(document), args.output, out, err)


def export_role(context: AppContext, key: str, output: str | None, out: TextIO, err: TextIO) -> int:
    """``framewheel export --role KEY``: one role of the chosen framework as a ``framewheel/role@1`` file."""
    from tui.core.exchange import to_json
    from tui.core.exchange.roles import role_to_dict

    framework = context.framework
    from tui.cli.roles import ambiguous

    matches = context.roles.matching(framework, key)
    if len(matches) > 1:
        print(f"framewheel: {ambiguous(key, matches)}", file=err)
        return EXIT_PROBLEMS
    role = matches[0] if matches else None
    if role is None:
        known = ", ".join(f"{r.key} ({r.name})" for r in context.roles.roles_for(framework)) or "none yet"
        print(f"framewheel: no role '{key}' in {framework.title}; its roles: {known}", file=err)
        return EXIT_PROBLEMS
    return emit(to_json(role_to_dict(role, framework.version)), output, out, err)
