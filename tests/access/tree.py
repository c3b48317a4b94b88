"""Walks the game's live accessibility tree over AT-SPI, as a screen reader would.

Run by tests/access.rs inside a private D-Bus session with the AT-SPI bus up; the
game is already running. `solo` plays a scenario from the title to the result and its
replay using only accessibility actions; `group` runs an induction session from the
presenter's buttons and reads the audience window's tree at every stage.
"""
import sys
import time

import pyatspi

BUTTONS = ("push button", "toggle button", "radio button", "check box")


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def nodes(node):
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from nodes(child)


def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        candidate = desktop.getChildAtIndex(i)
        if candidate is not None and candidate.name == "boundaries":
            return candidate
    return None


def window(name):
    found = app()
    if found is None:
        return None
    for i in range(found.childCount):
        frame = found.getChildAtIndex(i)
        if frame is not None and frame.name == name:
            return frame
    return None


def texts(root):
    return [n.name for n in nodes(root) if n.name]


def wait_for(what, check, seconds=60):
    started = time.time()
    while time.time() - started < seconds:
        try:
            found = check()
        except Exception:  # the tree changes under us while the screen changes
            found = None
        if found:
            return found
        time.sleep(0.2)
    try:
        shown = [(n.getRoleName(), n.name) for n in nodes(app())]
    except Exception as error:  # the tree may be gone with the game
        shown = repr(error)
    fail("waited %ss for %s; the tree held %s" % (seconds, what, shown))


def button(root_name, text, exact=False):
    def find():
        root = window(root_name)
        for n in nodes(root):
            if n.getRoleName() in BUTTONS and (n.name == text if exact else text in n.name):
                return n
        return None
    return wait_for("a button %r in %r" % (text, root_name), find)


def press(root_name, text, exact=False):
    found = button(root_name, text, exact)
    action = found.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "click" not in names:
        fail("%r offers no click action: %s" % (text, names))
    action.doAction(names.index("click"))
    return found


def shows(root_name, text):
    return wait_for("%r in %r" % (text, root_name), lambda: any(text in t for t in texts(window(root_name))))


def solo():
    main = "Boundaries"
    wait_for("the game's window", lambda: window(main))
    for name in ("Start", "Run a group session", "Your plays", "Settings", "Quit"):
        if button(main, name, exact=True).getRoleName() != "push button":
            fail(name + " is not a push button")
    print("title: five push buttons, named")
    press(main, "Start", exact=True)
    # The library's first card, whichever scenario it is (cards are push buttons named
    # by their titles; the filters are toggle buttons).
    def first_card():
        seen_heading = False
        for n in nodes(window(main)):
            seen_heading = seen_heading or n.name == "Choose a scenario"
            if seen_heading and n.getRoleName() == "push button":
                return n
        return None
    card = wait_for("the library's first card", first_card)
    print("library: the first card is %r" % card.name)
    card.queryAction().doAction(0)
    press(main, "Begin", exact=True)
    decisions = 0
    while True:
        def choice_or_end():
            root = window(main)
            for n in nodes(root):
                if n.getRoleName() == "push button" and n.description.startswith("choice 1 of "):
                    return ("choice", n)
                if n.getRoleName() == "push button" and n.name == "See how you did":
                    return ("end", n)
            return None
        kind, found = wait_for("a choice or the ending", choice_or_end)
        if kind == "end":
            found.queryAction().doAction(0)
            break
        size = found.description.split(" of ")[1]
        print("decision %d: %s choices, the first says %r" % (decisions + 1, size, found.description))
        found.queryAction().doAction(0)
        decisions += 1
        press(main, "Continue", exact=True)
        if decisions > 12:
            fail("the play never ended")
    shows(main, "Where you stand on each principle")
    ratings = [t for t in texts(window(main)) if " out of 100" in t or "at stake once" in t]
    if not ratings:
        fail("the result has no rating as text")
    print("result: %d decisions played; ratings read as text, e.g. %r" % (decisions, ratings[0]))
    press(main, "Replay and reflect", exact=True)
    shows(main, "the end")
    press(main, "‹ Previous", exact=True)
    shows(main, "decision %d of %d" % (decisions, decisions))
    print("replay: opened at the end, stepped back to decision %d" % decisions)
    print("SOLO OK")


def group():
    presenter, audience = "Boundaries", "Boundaries: audience"
    wait_for("both windows", lambda: window(presenter) and window(audience))
    stages = 0
    while True:
        def notes_or_end():
            seen = texts(window(presenter))
            if any("The session has ended" in t for t in seen):
                return ["end"]
            marker = "Trainer's notes (not on the audience screen)"
            return [t for i, t in enumerate(seen) if i > 0 and seen[i - 1] == marker]
        # The positive control: the presenter's tree has the notes (or the session ended).
        notes = wait_for("the trainer's notes in the presenter's tree", notes_or_end)
        if notes == ["end"]:
            break
        seen_by_room = texts(window(audience))
        for note in notes:
            if any(note in t for t in seen_by_room):
                fail("a trainer's note reached the audience window: %r" % note)
        for forbidden in ("Trainer's notes", "Questions for the room", "(recommended)"):
            if any(forbidden in t for t in seen_by_room):
                fail("%r reached the audience window" % forbidden)
        stages += 1
        before = len(seen_by_room)
        for label in ("Open the vote", "Reveal", "Go with", "Next part"):
            candidates = [n for n in nodes(window(presenter)) if n.getRoleName() == "push button" and n.name.startswith(label)]
            if candidates:
                candidates[0].queryAction().doAction(0)
                break
        else:
            fail("no button moves the session on")
        time.sleep(1.2)
        if stages > 40:
            fail("the session never ended")
    print("group: %d stages read; no trainer's note in the audience tree at any" % stages)
    press(presenter, "Blank the audience screen", exact=True)
    time.sleep(1.2)
    left = [t for t in texts(window(audience)) if t != audience]
    if left:
        fail("a blank audience screen still exposes %r" % left[:3])
    print("blank: the audience tree exposes nothing")
    print("GROUP OK")


if __name__ == "__main__":
    {"solo": solo, "group": group}[sys.argv[1]]()
