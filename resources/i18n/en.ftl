# Prepkit: English interface strings.

menu-file = File
menu-edit = Edit
menu-view = View
menu-go = Go

cmd-open = Open brief or notebook…
cmd-open-path = Open by typing a path…
cmd-reimport = Re-import the brief
cmd-export = Export summary…
cmd-undo = Undo
cmd-redo = Redo
cmd-find = Search
cmd-palette = Command palette…
cmd-overview = Overview
cmd-review = Review mode
cmd-next = Next topic
cmd-prev = Previous topic
cmd-rate-0 = Rate: unrated
cmd-rate-1 = Rate: 1 Weak
cmd-rate-2 = Rate: 2 Shaky
cmd-rate-3 = Rate: 3 Okay
cmd-rate-4 = Rate: 4 Good
cmd-rate-5 = Rate: 5 Strong
cmd-toggle-done = Tick / untick question
cmd-edit-notes = Edit notes
cmd-escape = Stop editing
cmd-add-section = Add section
cmd-filter-weak = Show only Weak and Shaky
cmd-zoom-in = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-reset = Actual size
cmd-theme = Switch theme (system, light, dark)
cmd-contrast = High contrast on/off
cmd-language = 한국어로 전환 (Switch to Korean)
cmd-quit = Quit
cmd-about = About Prepkit

theme-system = System
theme-light = Light
theme-dark = Dark

confidence-unrated = Unrated
confidence-weak = Weak
confidence-shaky = Shaky
confidence-okay = Okay
confidence-good = Good
confidence-strong = Strong

kind-prose = Text
kind-topics = Topics
kind-checklist = Checklist

weekday-0 = Mon
weekday-1 = Tue
weekday-2 = Wed
weekday-3 = Thu
weekday-4 = Fri
weekday-5 = Sat
weekday-6 = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

countdown-days = in { $n } days
countdown-tomorrow = tomorrow
countdown-hours = { $n ->
    [0] within the hour
    [one] in 1 hour
   *[other] in { $n } hours
}
countdown-past = { $n ->
    [0] earlier today
    [one] yesterday
   *[other] { $n } days ago
}
interview-countdown = Interview { $when } · { $date }
set-interview-date = Set the interview date
today = Today

saved = Saved
saving = Saving…
save-failed = Not saved
retry = Retry
changed-on-disk = Changed on disk by another program
keep-mine = Keep mine
load-theirs = Load theirs

search = Search
search-hint = Search (Ctrl+F)
search-results = { $n ->
    [one] 1 result for “{ $query }”
   *[other] { $n } results for “{ $query }”
}
search-close = Close search

interviews = Interview
overview = Overview
review = Review
sections = Sections
to-review = { $n } today
to-review-done = Done for today
progress-rated = { $n }/{ $total } rated
progress-asked = { $n }/{ $total } asked
introduction = Introduction

group-untitled = Topics
group-name = Group name
group-menu = Group actions: { $name }
new-group = New group
add-group = Add group
item-menu = Actions: { $item }
item-text = Text
edit-text = Edit text
rename = Rename
move-up = Move up
move-down = Move down
delete = Delete
delete-group = Delete group
delete-section = Delete section
deleted = Deleted.
done = Done
done-editing = Done editing
notes-toggle = Show or hide notes: { $item }
notes-for = Notes: { $item }
notes-hint = Your notes, in Markdown: what to say, a STAR story, links…
answer-for = Answer: { $item }
answer-hint = What the interviewer answered
preview = Preview
add-topic = Add topic
add-topic-hint = New topic…
add-question = Add question
add-question-hint = New question…
filter-show = Show:
filter-all = All
filter-weak = Weak and Shaky only
filter-hides-all = The filter hides every topic in this group.

section-name = Section name
section-menu = Section actions
section-kind = Kind
new-section = New section
your-notes = Your notes
section-notes-hint = Anything you want to remember about this part
brief-text-of = Brief text: { $section }
edited-by-you = Edited by you
empty-section = This section is empty. Use “Edit text” to write in it.

field-title = Title
field-company = Company
field-role = Role
field-date = Interview date
field-hour = Hour
field-minute = Minute
clear-date = Clear
progress = Progress
progress-summary = { $rated } of { $topics } topics rated · { $done } of { $questions } questions asked
plan = Review plan
plan-empty = Nothing left to review: every topic is Good or Strong.
plan-no-date = Set the interview date to spread the review over the days left.
review-reveal = Reveal notes

add = Add
open = Open
cancel = Cancel
browse = Browse…
open-title = Open a brief or notebook
open-path-label = Path to a brief (.md) or notebook (.json)
no-dialog = No system file dialog is available here. Type the path instead.
no-dialog-export = No system file dialog is available here. Type the path in the export dialog.
filter-briefs = Briefs and notebooks
imported = Brief imported.
imported-existing = Opened the notebook of this brief; your ratings and notes are kept.
reimported = Brief re-imported: your ratings and notes are kept.
kept-aside = Your unsaved changes could not go into the notebook's file, so they were kept beside it: { $path }
not-switched = Stayed on this notebook: your changes could not be saved or kept aside ({ $why }). Nothing was lost; try again or export them.
reloaded = The notebook changed on disk and was reloaded.
kept-copy = { $title } (kept copy, { $time })
no-dialog-folder = No system folder dialog is available here. Type the folder in the field instead.
settings-folder = Notebooks folder
settings-folder-new = Another folder, e.g. a synced one
settings-folder-use = Use this folder
settings-folder-browse = Choose…
settings-folder-default = Default folder
settings-folder-help = New notebooks are kept here, and the list shows the notebooks in it. Notebooks already elsewhere stay where they are and stay in the list.
folder-set = Notebooks are now kept in { $path }.
recovery-title = Recovered after a crash
recovery-text = Prepkit stopped unexpectedly on { $time } while “{ $title }” had changes not saved yet. They were kept.
recovery-open = Open the recovered version
recovery-discard = Discard it
recovery-opened = The recovered version is open; it is saved over the notebook, whose older file goes to the backups.
reimport-no-source = This notebook's brief file is not available to re-import.
nothing-to-undo = Nothing to undo.
nothing-to-redo = Nothing to redo.

palette-title = Command palette
palette-hint = Type a command, section, topic or story…
palette-none = Nothing matches.
palette-section = Section

export-title = Export summary
export-title-sheet = Export interview-day sheet
export-title-stories = Export story sheet
export-format = Format
export-include-notes = Include my notes
export-only-weak = Topics
export-all-topics = All topics
export-paper = Paper
export-path = Save to
export-now = Export
exported = Exported to { $path }
exported-open = Open
exported-show = Show in folder

settings = Settings
settings-language = Language
settings-theme = Theme
settings-contrast = Contrast
settings-contrast-on = High contrast
settings-text-size = Text size
settings-help = Also in the View menu and the command palette (Ctrl+K). Ctrl + and Ctrl − change the text size too.

cmd-sidebar = Hide or show the sidebar
sidebar-hide = Hide the sidebar
sidebar-show = Show the sidebar
sidebar-tooltip = { $action } ({ $shortcut })
key-escape = Esc
key-enter = Enter
key-space = Space
key-tab = Tab
no-date-yet = No date yet
set-date = Set
date-save = Save
date-prev-month = Previous month
date-next-month = Next month
month-year = { $month } { $year }
unit-hour = {" "}h
unit-minute = {" "}min
export-exists = { $path } already exists. Export again to replace it.
export-replace = Replace
export-file-word = summary
dialog-already-open = A file dialog is already open: finish or cancel it first.
export-no-folder = Could not export: the folder { $folder } does not exist.
export-cannot-write = Could not export: new files cannot be written in { $folder }
export-failed = Could not export
failed-because = { $what }: { $details }
disk-failed = A file could not be read or written
open-failed = Could not open the notebook
import-failed = Could not import the brief
reimport-failed = Could not re-import the brief
folder-failed = Could not change the notebooks folder

about = About
about-title = About Prepkit
about-tagline = Get ready for a job interview, one topic at a time.
about-version = Version
about-licence = Licence
about-licence-value = { $licence } (free software)
about-font = Bundled font
about-font-value = NanumGothic, SIL Open Font License 1.1
about-font-show = The font's licence
about-data = Data folder
about-open-folder = Open folder
about-open-failed = Could not open the folder: { $error }

## Rehearsal, dashboard and the interview-day sheet
cmd-interview-day = Interview day
rehearse-help = Today's planned topics one at a time. Say your answer first, then reveal the notes and rate how it went.
rehearse-today = { $n ->
    [one] 1 topic today, about { $minutes } min
   *[other] { $n } topics today, about { $minutes } min
}
rehearse-nothing-today = Nothing planned for today.
rehearse-start = Start today's review
rehearse-cram = Cram: everything, weakest first
rehearse-cram-help = Cram goes through every topic, weakest first; the plan stays as it is, and the ratings are still recorded.
rehearse-title = Today's review
rehearse-cram-title = Cram
rehearse-position = { $n } of { $total }
rehearse-timer = Timer
rehearse-reveal = Show notes (Space)
rehearse-no-notes = No notes for this topic yet.
rehearse-notes = Notes
rehearse-notes-write = Add to the notes
rehearse-notes-done = Done writing
rehearse-rate = How did it go? (1–5)
rehearse-skip = Skip (S)
rehearse-end = End (Esc)
rehearse-keys = Space shows the notes · 1–5 rates and moves on · S skips · Esc ends
rehearse-summary = Review done
rehearse-reviewed = Reviewed: { $n } · skipped: { $skipped }
rehearse-updown = Up: { $up } · down: { $down }
rehearse-spent = Time spent: { $minutes } min { $seconds } s
rehearse-tomorrow = Tomorrow: { $n ->
    [one] 1 topic
   *[other] { $n } topics
}
rehearse-close = Back to the overview
plan-past = The interview is over: no plan. Time for the debrief.
plan-spaced = No interview date: topics come back by level (Weak daily, Shaky every 2 days, Okay every 4, Good every 7, Strong every 14), weakest first.
plan-interview = { $reviews } reviews before the final pass ({ $final }), weakest first, with growing gaps.
plan-fits = Fits in { $budget } min a day.
plan-needs = Needs { $needs } min a day; the budget is { $budget } min.
plan-cut = { $n ->
    [one] 1 topic gets fewer than two reviews.
   *[other] { $n } topics get fewer than two reviews.
}
reason-first = first review
reason-again = again
reason-final = final pass
dash-groups = Confidence by group
dash-group = { $group }: { $n } topics
dash-history = Progress over time
dash-history-day = { $date }: { $n } reviews, average { $average }
dash-history-legend = Bars: reviews per day · line: average rating (0–5)
dash-day = { $day } · { $n } topics · { $minutes } min
sheet-no-date = Interview date not set
sheet-values = Values
sheet-weakest = Weakest topics
sheet-questions = Questions to ask
sheet-more = { $n ->
    [one] 1 more topic in the full summary
   *[other] { $n } more topics in the full summary
}
sheet-more-questions = { $n ->
    [one] 1 more question in the section
   *[other] { $n } more questions in the section
}
settings-budget = Daily review budget
settings-budget-unit = { " min" }
rehearse-hide = Hide notes (Space)

## Exports: the summary and the interview-day sheet in the user's language
export-untitled = Interview notebook
export-introduction = Introduction
export-interview = Interview
export-exported = Exported { $date }
export-exported-with = Exported { $date } with Prepkit.
export-overview = Overview
export-confidence = Confidence
export-topic-count = { $n ->
    [one] 1 topic
   *[other] { $n } topics
}
export-questions-asked = Questions asked
export-done-of = { $done } of { $total }
export-asked = { $done } of { $total } asked.
export-my-notes = My notes
export-no-topics = No topics yet.
export-no-questions = No questions yet.
export-hidden = { $n ->
    [one] 1 more topic hidden by the confidence filter.
   *[other] { $n } more topics hidden by the confidence filter.
}
export-filter-unrated = Showing only unrated topics.
export-filter-max = Showing only topics rated { $level } or lower, and unrated ones.
export-filter-max-rated = Showing only topics rated { $level } or lower.
export-filter-rated = Unrated topics are left out.
export-page = Page { $n } of { $total }
export-today = today
export-tick-asked = asked
export-tick-not-asked = not asked
export-sheet-title = Interview day
export-sheet-pinned = Pinned notes
export-sheet-answer = Answer:
export-sheet-file-word = interview-day
export-what = Export
export-what-summary = Full summary
export-what-sheet = Interview-day sheet (one page)
export-order = Order
export-order-weakest = Weakest first
export-order-notebook = Notebook order
export-hide-unrated = Hide unrated topics
export-brief = The brief's own text
export-brief-edited = Where I edited it
export-brief-all = All of it
export-brief-none = None

## Accessibility: names a screen reader speaks where the screen shows less
a11y-add-topic-to = Add topic to { $group }
a11y-add-question-to = Add question to { $group }
a11y-date-picker = Choose a date: { $label }
a11y-date-button = { $label }: { $date }
a11y-rating = Rating: { $item }

# The story bank (STAR stories, values, coverage grid, practice).
cmd-stories = Stories
stories = Stories
stories-bank = Story bank
stories-coverage = Coverage grid
stories-new = New story
stories-untitled = Untitled story
stories-none = No stories yet. Write one for a value or a behavioural question: Situation, Task, Action, Result.
stories-values-missing = { $n ->
    [one] 1 value without a story
   *[other] { $n } values without a story
}
stories-count = { $n ->
    [one] 1 story
   *[other] { $n } stories
}
stories-rows = { $n ->
    [one] 1 row
   *[other] { $n } rows
}
stories-title = Title
stories-situation = Situation
stories-task = Task
stories-action = Action
stories-result = Result
stories-tags = Tags (comma-separated)
stories-values = Values it shows
stories-topics = Questions it answers
stories-add-topic = Link another topic…
stories-rate = How well do you tell it? (1–5)
stories-practise = Practise
stories-delete = Delete story
stories-no-values = No values yet: add the company's values on the coverage grid, or import a brief with a Values section.
stories-add-value = Add value
stories-value-name = New value
stories-rename-value = Rename value
stories-remove-value = Remove
stories-empty-row = { $row }: no story yet
stories-write-one = Write one
stories-cell = { $row } × { $story }
stories-grid-values = Values
stories-grid-topics = Behavioural topics
stories-grid-help = Values and behavioural topics against your stories: tick a cell to link the story to the row, untick to unlink.
stories-practice-title = Practise a story
stories-practice-prompt = Tell it aloud in STAR order; about two minutes.
stories-practice-about = Shows: { $values }
stories-reveal = Show the story (Space)
stories-hide = Hide the story (Space)
stories-practice-end = End (Esc)
stories-practice-keys = Space shows the story · 1–5 rates it · Esc ends
stories-export-none = No story yet.
stories-export-loose = Not linked to a value
stories-export-tags = Tags: { $tags }
stories-export-see = { $title }: told above, under { $value }.
stories-field-empty = (empty)

## Pinned notes on the interview-day sheet, and the debrief after the interview
section-pin = Pin to interview-day sheet
section-pin-tip = Shows these notes on the interview-day sheet, to read before going in.
sheet-pinned = Pinned notes
sheet-pinned-more-lines = { $n ->
    [one] … 1 more line on the section page
   *[other] … { $n } more lines on the section page
}
sheet-pinned-hidden = { $n ->
    [one] 1 more pinned note does not fit on the sheet
   *[other] { $n } more pinned notes do not fit on the sheet
}
debrief = Debrief
debrief-was = The interview was on { $date }
debrief-went-well = What went well
debrief-went-well-hint = Answers that landed, what the interviewers liked, what you would do again…
debrief-look-up = What to look up
debrief-look-up-hint = Questions you could not answer, terms to read up on, what to practise…
debrief-thank-you = Thank-you note
debrief-use-draft = Start from a draft
debrief-copy = Copy
debrief-copied = Copied
debrief-send-by = Send by
debrief-send-today = Send today
debrief-send-tomorrow = Send by tomorrow
debrief-send-in = Send within { $n } days
debrief-send-late = { $n ->
    [one] 1 day late
   *[other] { $n } days late
}
debrief-draft-hello = Dear { $company } team,
debrief-draft-hello-plain = Hello,
debrief-draft-thanks = Thank you for taking the time to talk with me about the { $role } role. I enjoyed our conversation and learning more about the team's work.
debrief-draft-thanks-plain = Thank you for taking the time to talk with me. I enjoyed our conversation and learning more about the team's work.
debrief-draft-close = I look forward to hearing from you.
debrief-draft-sign = Best regards,
dash-debrief = After the interview
dash-debrief-was = The interview was on { $date }.
dash-debrief-write = Write the debrief
dash-debrief-continue = Continue the debrief
dash-debrief-thank-you = Thank-you note: { $when }

## Errors in the app's language; the group re-import archives dropped topics in
archived-group = Archived
err-not-found = { $path } does not exist
err-cannot-read = could not read { $path }: { $reason }
err-cannot-create-folder = could not create the folder { $path }: { $reason }
err-cannot-remove = could not remove { $path }: { $reason }
err-cannot-write = could not write { $path }: { $reason }
err-cannot-access = could not use { $path }: { $reason }
err-not-a-file = { $path } is a { $kind }, not a regular file; it was left as it is
err-locked = { $path } is being written by another Prepkit; nothing was saved, try again
err-changed-on-disk = { $path } was changed on disk by another program since it was opened; nothing was saved
err-corrupt-moved = { $path } is damaged; it was moved to { $to } and no usable backup was found
err-not-a-notebook = { $path } is not a Prepkit notebook; it was left as it is
link-refused = Not opened: { $url } (only web pages and mail addresses open from notes)
err-too-new = { $path } was written by a newer Prepkit; the file was left untouched, update Prepkit to open it
err-saver-stopped = the background saver stopped; { $path } was not saved
err-cannot-import = cannot import { $path }: { $why }
brief-not-a-file = it is a { $kind }, not a regular file; a brief is a Markdown text file
brief-empty = the brief is empty: there is no text to import
brief-binary = this looks like a binary file, not a Markdown brief
os-not-found = it does not exist
os-permission-denied = permission denied
os-storage-full = no space left on the disk
os-read-only = the disk is read-only
os-is-a-folder = it is a folder
os-not-a-folder = a part of the path is not a folder
kind-folder = folder
kind-pipe = named pipe
kind-device = device
kind-socket = socket
kind-special = special file

## The story sheet, stories in the plan, copying stories
export-what-stories = Story sheet (one page)
export-stories-file-word = stories
story-sheet-title = Stories to tell
story-sheet-empty = No values or stories yet: add them on the Stories page
story-sheet-more = { $n ->
    [one] 1 more story in the full summary
   *[other] { $n } more stories in the full summary
}
story-sheet-situation = Situation
story-sheet-task = Task
story-sheet-action = Action
story-sheet-result = Result
stories-due = { $n ->
    [one] 1 story to practise today
   *[other] { $n } stories to practise today
}
stories-plan-kind = story
stories-copy-from = Copy stories from…
stories-copy-none = No other notebooks.
stories-copied = { $n ->
    [one] Copied 1 story ({ $links } links kept)
   *[other] Copied { $n } stories ({ $links } links kept)
}
stories-copy-failed = Could not copy the stories

# Paper sizes in the export dialog
paper-a4 = A4
paper-letter = Letter
journal-replayed = { $n } changes not yet saved when Prepkit last stopped were recovered from its journal and are being saved.
journal-kept = { $n } changes not yet saved when Prepkit last stopped were recovered into { $path }; the notebook's file had changed since, so it was left as it is.
journal-unreadable = The crash journal of this notebook could not be read ({ $why }); it was left as it is.
damaged-written-back = Another program left { $path } damaged ({ $reason }). That damaged file was moved to { $moved }, byte for byte, and your complete version, which Prepkit still had, is saved in its place.
quit-unsaved-title = Your latest changes are not saved
quit-unsaved-text = Prepkit could not save them: { $why }
quit-unsaved-copy = A copy was kept in { $path }; Prepkit offers it at the next start.
quit-retry = Retry
quit-save-elsewhere = Save elsewhere…
quit-discard = Quit and discard
quit-stay = Stay
rescue-written = Could not save: a copy of your changes was kept in { $path }. Prepkit keeps trying to save.
rescue-failed = Could not save, and no copy could be kept ({ $why }). Do not quit: export the notebook or free some space.
journal-kept-import = { $n } changes not yet saved when Prepkit last stopped were kept in { $path }, beside the notebook the brief was imported into.
