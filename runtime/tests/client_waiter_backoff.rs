//! `retry_delay`: the waiter backoff formula, its jitter and the cut to the deadline, on
//! seeded random numbers.

mod client_support;
mod waiter_support;

use std::time::Duration;

use smithy_runtime::client::wait::retry_delay;

use waiter_support::ceiling_of;

// ---------------------------------------------------------------------------------------------
// `retry_delay`.

const HOUR: Duration = Duration::from_secs(3600);

#[test]
fn retry_delays_are_jittered_up_to_the_doubling_ceiling() {
    let mut rng = fastrand::Rng::with_seed(42);
    let ceilings = [2, 4, 8, 16, 32, 64, 120, 120];
    for (index, ceiling) in ceilings.into_iter().enumerate() {
        let attempt = index as u32 + 1;
        assert_eq!(ceiling_of(attempt, 2, 120), ceiling);
        let delays: Vec<u64> = (0..2000)
            .map(|_| {
                let delay = retry_delay(attempt, 2, 120, HOUR, &mut rng);
                assert_eq!(delay.subsec_nanos(), 0, "whole seconds");
                delay.as_secs()
            })
            .collect();
        // Inclusive on both ends: the minimum and the ceiling are both drawn.
        assert_eq!(delays.iter().min(), Some(&2), "attempt {attempt}");
        assert_eq!(delays.iter().max(), Some(&ceiling), "attempt {attempt}");
    }
    for attempt in [9, 50, 1000, u32::MAX] {
        let delay = retry_delay(attempt, 2, 120, HOUR, &mut rng);
        assert!((2..=120).contains(&delay.as_secs()), "{attempt}: {delay:?}");
    }
}

#[test]
fn retry_delay_is_cut_to_the_remaining_time() {
    let mut rng = fastrand::Rng::with_seed(7);
    let secs = Duration::from_secs;
    // More than the minimum delay would be left: the jittered delay.
    assert_eq!(retry_delay(1, 2, 120, secs(10), &mut rng), secs(2));
    assert_eq!(
        retry_delay(1, 2, 120, Duration::from_millis(4500), &mut rng),
        secs(2)
    );
    // Exactly the minimum delay would be left: wait for the deadline.
    assert_eq!(retry_delay(1, 2, 120, secs(4), &mut rng), secs(4));
    // Less than the delay remains: the remaining time, never more.
    assert_eq!(retry_delay(1, 2, 120, secs(1), &mut rng), secs(1));
    assert_eq!(retry_delay(3, 2, 120, secs(3), &mut rng), secs(3));
    assert_eq!(
        retry_delay(7, 2, 120, Duration::ZERO, &mut rng),
        Duration::ZERO
    );
    let odd = Duration::from_millis(1234);
    assert_eq!(retry_delay(2, 2, 120, odd, &mut rng), odd);
    // With jitter, the cut happens when `remaining - delay <= min`: retry 5 draws from
    // [2 s, 32 s]; with 20 s left, a draw of 18 s or more becomes the whole 20 s.
    let (mut cut, mut kept) = (0, 0);
    for _ in 0..1000 {
        let remaining = secs(20);
        let delay = retry_delay(5, 2, 120, remaining, &mut rng);
        if delay == remaining {
            cut += 1;
        } else {
            kept += 1;
            assert!((2..=17).contains(&delay.as_secs()), "{delay:?}");
        }
    }
    assert!(cut > 300 && kept > 300, "{cut} cut, {kept} kept");
    // Delays of 5 s with 10 s left: 5 s would be left, not more than 5: the whole 10 s.
    assert_eq!(retry_delay(1, 5, 5, secs(10), &mut rng), secs(10));
    assert_eq!(retry_delay(1, 5, 5, secs(11), &mut rng), secs(5));
}

#[test]
fn retry_delay_survives_out_of_model_delays() {
    let mut rng = fastrand::Rng::with_seed(1);
    // A zero minimum counts as one second rather than polling in a tight loop.
    assert_eq!(retry_delay(1, 0, 0, HOUR, &mut rng), Duration::from_secs(1));
    assert!(retry_delay(3, 0, 10, HOUR, &mut rng) >= Duration::from_secs(1));
    // A maximum below the minimum counts as the minimum.
    assert_eq!(
        retry_delay(4, 30, 10, HOUR, &mut rng),
        Duration::from_secs(30)
    );
    // Attempt 0 counts as the first retry.
    assert_eq!(
        retry_delay(0, 3, 100, HOUR, &mut rng),
        Duration::from_secs(3)
    );
    // No overflow on huge delays and attempts.
    let huge = Duration::from_secs(u64::MAX);
    for attempt in [1, 2, 63, 64, 65, u32::MAX] {
        let delay = retry_delay(attempt, 1 << 40, u64::MAX, huge, &mut rng);
        assert!(
            delay >= Duration::from_secs(1 << 40),
            "{attempt}: {delay:?}"
        );
    }
    assert_eq!(
        retry_delay(1, u64::MAX, u64::MAX, huge, &mut rng),
        huge,
        "min == remaining: cut"
    );
}

#[test]
fn retry_delay_is_deterministic_for_a_seed() {
    let draw = |seed| {
        let mut rng = fastrand::Rng::with_seed(seed);
        (1..=10)
            .map(|attempt| retry_delay(attempt, 2, 120, HOUR, &mut rng))
            .collect::<Vec<_>>()
    };
    assert_eq!(draw(3), draw(3));
    assert_ne!(draw(3), draw(4));
}
