//! `use_debounced`: a value that follows another once it has stopped changing for a while.

use gloo::timers::callback::Timeout;
use yew::{hook, use_effect_with, use_state_eq};

/// `value`, once it has stayed the same for `millis` milliseconds (at first, at once).
#[hook]
pub(crate) fn use_debounced<T>(value: T, millis: u32) -> T
where
    T: Clone + PartialEq + 'static,
{
    let settled = use_state_eq(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timeout = Timeout::new(millis, move || settled.set(value));
            move || drop(timeout)
        });
    }
    (*settled).clone()
}
