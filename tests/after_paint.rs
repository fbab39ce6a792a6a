//! Browser tests of the work deferred past the next paint (src/after_paint.rs)
//! and of the address bar that follows the route a frame later
//! (src/hooks/use_route.rs).
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use alliance_quiz::after_paint::after_next_paint;
use alliance_quiz::hooks::push_route;
use alliance_quiz::route::Route;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

/// Queues work that only records that it ran.
fn queue_flag() -> Rc<Cell<bool>> {
    let ran = Rc::new(Cell::new(false));
    let flag = ran.clone();
    after_next_paint(move || flag.set(true));
    ran
}

fn location() -> web_sys::Location {
    web_sys::window().expect("window").location()
}

#[wasm_bindgen_test]
async fn deferred_work_runs_after_this_task_in_order_and_once() {
    let ran = Rc::new(RefCell::new(Vec::new()));
    for n in 1..=3 {
        let ran = ran.clone();
        after_next_paint(move || ran.borrow_mut().push(n));
    }
    assert!(ran.borrow().is_empty(), "nothing runs in the caller's task");
    // A frame, then an idle period; 200 ms at the latest.
    sleep(300).await;
    assert_eq!(*ran.borrow(), [1, 2, 3]);
    sleep(250).await;
    assert_eq!(
        *ran.borrow(),
        [1, 2, 3],
        "the fallback timer runs nothing twice"
    );
}

#[wasm_bindgen_test]
async fn leaving_the_page_runs_deferred_work_at_once() {
    let ran = queue_flag();
    let window = web_sys::window().expect("window");
    let pagehide = web_sys::Event::new("pagehide").expect("event");
    window.dispatch_event(&pagehide).expect("dispatched");
    assert!(ran.get(), "a reload or close must not lose saved progress");
}

#[wasm_bindgen_test]
async fn hiding_the_page_runs_deferred_work_at_once() {
    let ran = queue_flag();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    // As when a phone switches to another app: `document.hidden` turns true.
    let hidden = js_sys::Object::new();
    js_sys::Reflect::set(&hidden, &"value".into(), &true.into()).expect("value");
    js_sys::Reflect::set(&hidden, &"configurable".into(), &true.into()).expect("configurable");
    js_sys::Object::define_property(&document, &"hidden".into(), &hidden);
    let visibilitychange = web_sys::Event::new("visibilitychange").expect("event");
    document
        .dispatch_event(&visibilitychange)
        .expect("dispatched");
    js_sys::Reflect::delete_property(&document, &"hidden".into()).expect("restored");
    assert!(ran.get(), "a hidden page may be discarded without pagehide");
}

#[wasm_bindgen_test]
async fn the_address_bar_follows_the_route_after_the_paint() {
    location().set_hash("#/q/1").expect("hash");
    sleep(20).await;
    push_route(&Route::Question { number: 2 });
    assert_eq!(
        location().hash().expect("hash"),
        "#/q/1",
        "not in the click's task"
    );
    sleep(300).await;
    assert_eq!(location().hash().expect("hash"), "#/q/2");
    location().set_hash("").expect("hash");
}

#[wasm_bindgen_test]
async fn a_navigation_in_the_meantime_wins_over_an_unwritten_route() {
    location().set_hash("#/q/1").expect("hash");
    sleep(20).await;
    push_route(&Route::Question { number: 2 });
    // The visitor follows a link before the next frame.
    location().set_hash("#/history").expect("hash");
    sleep(300).await;
    assert_eq!(location().hash().expect("hash"), "#/history");
    location().set_hash("").expect("hash");
}
