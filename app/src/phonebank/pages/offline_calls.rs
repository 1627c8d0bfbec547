//! Calls saved on a phone with no signal: kept on the device and sent when the network
//! is back. Each carries the key it was handed out with, and the server takes a repeat
//! of a key as the same call, so every call is saved exactly once however often it is
//! sent.

use crate::{
    phonebank::api::{save_call, SaveCall},
    ui::device_queue::{is_offline, DeviceQueue},
};

/// Where the browser keeps the calls waiting.
const CALLS: DeviceQueue = DeviceQueue::new("membersnet-calls");

/// Keeps `call` until the network is back (a second copy of the same call replaces the
/// first).
pub fn keep(call: SaveCall) {
    let mut waiting: Vec<SaveCall> = CALLS.waiting();
    waiting.retain(|c| c.call_key != call.call_key);
    waiting.push(call);
    CALLS.store(&waiting);
}

/// How many calls wait on this device.
pub fn waiting_count() -> usize {
    CALLS.waiting::<SaveCall>().len()
}

/// Sends the waiting calls, oldest first, forgetting each the server answered (a refusal
/// is final too). Stops if the network goes again. Returns how many were answered.
pub async fn send_waiting() -> usize {
    let mut answered = 0;
    for call in CALLS.waiting::<SaveCall>() {
        let key = call.call_key.clone();
        let sent = save_call(
            call.phonebank_id,
            call.contact_id,
            call.lease,
            call.call_key,
            call.outcome,
            call.note,
            call.callback_at,
            call.answers,
        )
        .await;
        if sent.is_err() && is_offline() {
            break;
        }
        let left: Vec<SaveCall> = CALLS
            .waiting::<SaveCall>()
            .into_iter()
            .filter(|c| c.call_key != key)
            .collect();
        CALLS.store(&left);
        answered += 1;
    }
    answered
}
