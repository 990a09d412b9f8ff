#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest without building it: the JSON is well formed,
# poppler and Kessan are among the modules (poppler's source pinned by a
# checksum), the app is built with meson, and the sandbox gets no home or
# host filesystem access.

import json
import subprocess
import sys

path = sys.argv[1]
failures = []

# json.tool is the reference parser for "valid JSON" here.
tool = subprocess.run([sys.executable, "-m", "json.tool", path],
                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                      text=True)
if tool.returncode != 0:
    print(f"{path}: not valid JSON: {tool.stderr.strip()}")
    sys.exit(1)

with open(path, encoding="utf-8") as f:
    manifest = json.load(f)


def modules(items):
    for module in items:
        if isinstance(module, dict):
            yield module
            yield from modules(module.get("modules", []))


def check(condition, message):
    if not condition:
        failures.append(message)


check(manifest.get("id") == "io.github.kessan.Kessan", "id is not io.github.kessan.Kessan")
check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
check(manifest.get("command") == "kessan", "command is not kessan")

by_name = {m.get("name"): m for m in modules(manifest.get("modules", []))}
for name in ("poppler", "kessan"):
    check(name in by_name, f"no module named {name}")

poppler = by_name.get("poppler", {})
check("-DENABLE_GLIB=ON" in poppler.get("config-opts", []), "poppler is built without poppler-glib")
for source in poppler.get("sources", []):
    if source.get("type") in ("archive", "file"):
        check(len(source.get("sha256", "")) == 64, "poppler's source has no sha256")
    elif source.get("type") == "git":
        check("commit" in source, "poppler's git source is not pinned to a commit")

check(by_name.get("kessan", {}).get("buildsystem") == "meson", "kessan is not built with meson")

finish_args = manifest.get("finish-args", [])
for arg in finish_args:
    if arg.startswith("--filesystem="):
        where = arg.split("=", 1)[1].split(":", 1)[0]
        check(where not in ("home", "host", "host-os", "host-etc", "~") and not where.startswith("~"),
              f"finish-args give filesystem access: {arg}")
for arg in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"):
    check(arg in finish_args, f"finish-args lack {arg}")
check("--socket=x11" not in finish_args, "finish-args use X11 rather than the X11 fallback")

for failure in failures:
    print(f"{path}: {failure}")
sys.exit(1 if failures else 0)
