//! Korean input method events as fcitx5 sends them over X11, where a
//! syllable can be committed after its field lost the keyboard, and where
//! the input context must outlive a move between fields (fcitx5 keeps the
//! Hangul mode per context).

use egui::{ImeEvent, Key};
use egui_kittest::kittest::Queryable as _;
use prepkit::i18n::Lang;

use super::app::{FIRST, Fixture, start_with, topic};

const SECOND: &str = "Pydantic models and data validation";

/// The Korean app with the notes of the first two topics open and the
/// keyboard in the first one's.
fn korean_notes() -> Fixture {
    let mut f = start_with(Lang::Ko, None);
    for item in [FIRST, SECOND] {
        f.harness
            .get_by_label(&format!("메모 보기/숨기기: {item}"))
            .click();
        f.run();
    }
    focus(&mut f, FIRST);
    f
}

fn focus(f: &mut Fixture, item: &str) {
    f.harness.get_by_label(&format!("메모: {item}")).click();
    f.run();
}

/// One frame with these input method events, in this order.
fn ime(f: &mut Fixture, events: impl IntoIterator<Item = ImeEvent>) {
    for event in events {
        f.harness.event(egui::Event::Ime(event));
    }
    f.run();
}

fn preedit(text: &str) -> ImeEvent {
    ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    }
}

fn commit(text: &str) -> ImeEvent {
    ImeEvent::Commit(text.to_owned())
}

fn esc(f: &mut Fixture) {
    f.harness.key_press(Key::Escape);
    f.run();
}

/// What the app last told the platform about the input method.
fn ime_output(f: &Fixture) -> Option<egui::output::IMEOutput> {
    f.harness.output().platform_output.ime
}

#[test]
fn a_syllable_committed_after_esc_lands_in_the_note() {
    // fcitx5's popup style: the app sees no preedit. Esc makes fcitx5 commit
    // 가 and hand the key back; Xlib delivers the key first, so the commit
    // arrives when the field has already let go of the keyboard.
    let mut f = korean_notes();
    ime(&mut f, [commit("면접")]);
    esc(&mut f);
    ime(&mut f, [commit("가")]);
    assert_eq!(topic(&f, FIRST).notes, "면접가");
    assert_eq!(topic(&f, SECOND).notes, "");
}

#[test]
fn esc_during_an_in_place_composition_keeps_the_syllable_once() {
    // On-the-spot style: 가 is drawn in the field when Esc comes; then
    // fcitx5 clears the preedit and commits 가. The field already shows it:
    // the commit replaces it, and typing later goes on after it.
    let mut f = korean_notes();
    ime(&mut f, [commit("면접 ")]);
    ime(&mut f, [preedit("ㄱ")]);
    ime(&mut f, [preedit("가")]);
    esc(&mut f);
    ime(&mut f, [preedit(""), commit("가")]);
    assert_eq!(topic(&f, FIRST).notes, "면접 가");
    focus(&mut f, FIRST);
    ime(&mut f, [preedit("ㄴ"), commit("나")]);
    assert_eq!(topic(&f, FIRST).notes, "면접 가나");
}

#[test]
fn moving_between_fields_keeps_one_input_context() {
    // fcitx5 starts every new input context in English, and the app asks
    // for a new one when it interrupts the composition: it may not do so
    // on a move into another field while nothing is being composed.
    let mut f = korean_notes();
    ime(&mut f, [commit("면접")]);
    assert!(ime_output(&f).is_some());
    focus(&mut f, SECOND);
    f.harness.step();
    let moved = ime_output(&f).expect("allowed in the other field");
    assert!(!moved.should_interrupt_composition);
    // Typing goes on in the field that has the keyboard now.
    ime(&mut f, [commit("준비")]);
    assert_eq!(topic(&f, FIRST).notes, "면접");
    assert_eq!(topic(&f, SECOND).notes, "준비");
}

#[test]
fn keys_reach_the_app_once_no_field_has_the_keyboard() {
    // After Esc the input method is let go of (the patched winit keeps its
    // context, and its Hangul mode, but stops filtering keys), so plain-key
    // shortcuts are not composed into Hangul.
    let mut f = korean_notes();
    ime(&mut f, [commit("면접")]);
    assert!(ime_output(&f).is_some());
    esc(&mut f);
    assert!(ime_output(&f).is_none());
}

/// A click on empty page space, far from any field.
fn click_on_the_page(f: &mut Fixture) {
    let empty = egui::pos2(1270.0, 790.0);
    f.harness.event(egui::Event::PointerMoved(empty));
    for pressed in [true, false] {
        f.harness.event(egui::Event::PointerButton {
            pos: empty,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        f.harness.step();
    }
    f.run();
}

#[test]
fn a_split_syllable_is_drawn_and_committed_once_on_a_click_away() {
    // 면 + ㅈ, on-the-spot, as the patched winit hands it on: fcitx5's
    // commit of 면 comes first (the preedit then still reads 멵), then its
    // preedit update 저, which winit no longer drops. The field shows 면 and
    // the composition 저; a click on the page makes fcitx5 commit 저 (its
    // context loses the focus), once.
    let mut f = korean_notes();
    ime(&mut f, [preedit("ㅁ")]);
    ime(&mut f, [preedit("면")]);
    ime(&mut f, [preedit("멵")]);
    ime(&mut f, [preedit(""), commit("면"), preedit("저")]);
    ime(&mut f, [preedit("저")]);
    assert_eq!(topic(&f, FIRST).notes, "면저");
    click_on_the_page(&mut f);
    ime(&mut f, [preedit(""), commit("저")]);
    assert_eq!(topic(&f, FIRST).notes, "면저");
    focus(&mut f, FIRST);
    ime(&mut f, [preedit("ㄱ")]);
    ime(&mut f, [preedit(""), commit("가")]);
    assert_eq!(topic(&f, FIRST).notes, "면저가");
}

#[test]
fn a_syllable_cut_off_by_another_field_stays_in_its_own() {
    // On-the-spot 가 in the first field, then a click into the second: the
    // input method is interrupted (its context goes) and fcitx5 commits 가
    // then, when the second field has the keyboard. It belongs to the first.
    let mut f = korean_notes();
    ime(&mut f, [commit("면접 ")]);
    ime(&mut f, [preedit("가")]);
    focus(&mut f, SECOND);
    ime(&mut f, [preedit(""), commit("가")]);
    assert_eq!(topic(&f, FIRST).notes, "면접 가");
    assert_eq!(topic(&f, SECOND).notes, "");
    ime(&mut f, [commit("나")]);
    assert_eq!(topic(&f, SECOND).notes, "나");
}

#[test]
fn a_popup_syllable_handed_back_on_a_click_away_lands_in_the_note() {
    // A popup style (the input method draws the preedit): the app never sees
    // 가 being composed. A click on the page disallows the input method; the
    // patched winit resets the context first and hands on the syllable the
    // reset returns (as XIM input methods must; fcitx5 5.0.21 returns none)
    // as a commit, once the field has let go of the keyboard.
    let mut f = korean_notes();
    ime(&mut f, [commit("면접 ")]);
    click_on_the_page(&mut f);
    ime(&mut f, [preedit(""), commit("가")]);
    assert_eq!(topic(&f, FIRST).notes, "면접 가");
    assert_eq!(topic(&f, SECOND).notes, "");
    focus(&mut f, FIRST);
    ime(&mut f, [commit("간")]);
    assert_eq!(topic(&f, FIRST).notes, "면접 가간");
}

#[test]
fn a_popup_syllable_committed_with_the_key_after_a_click_away_lands_in_the_note() {
    // fcitx5's popup style, as the patched winit hands it on: fcitx5 drops
    // a reset or unfocused popup syllable, so after the click on the page
    // winit keeps its context focused while 가 may be pending, and the next
    // key (here j) goes to fcitx5, which commits 가 (and starts ㅓ, dropped
    // when winit then unfocuses the context). The commit comes frames after
    // the field let go of the keyboard; the key after it is the app's again.
    let mut f = korean_notes();
    ime(&mut f, [commit("면접 ")]);
    click_on_the_page(&mut f);
    assert!(ime_output(&f).is_none());
    f.run();
    f.run();
    ime(&mut f, [preedit(""), commit("가")]);
    assert_eq!(topic(&f, FIRST).notes, "면접 가");
    assert_eq!(topic(&f, SECOND).notes, "");
    assert!(ime_output(&f).is_none());
    f.harness.key_press(Key::J);
    f.run();
    assert_eq!(topic(&f, FIRST).notes, "면접 가");
    focus(&mut f, FIRST);
    ime(&mut f, [commit(" 간")]);
    assert_eq!(topic(&f, FIRST).notes, "면접 가 간");
}
