//! Tests of the binary form: exact numbers, damaged input, and the types requests and replies carry.

use super::{decode, encode, Wire};
use crate::sim::params::ParamId;
use crate::sim::templates::default_scenario;
use crate::sim::whatif::{seek_target, TargetAnswer};
use crate::sorted_map::SortedMap;

fn round_trip<T: Wire>(value: &T) -> Option<T> {
    decode(&encode(value))
}

#[test]
fn numbers_keep_nan_infinities_and_every_bit() {
    let values = vec![
        f64::NAN,
        f64::INFINITY,
        -0.0,
        0.1,
        f64::MIN_POSITIVE,
        f64::MAX,
    ];
    let back = round_trip(&values).expect("numbers read back");
    assert!(back[0].is_nan() && back[1] == f64::INFINITY);
    for (a, b) in values.iter().zip(&back).skip(2) {
        assert_eq!(a.to_bits(), b.to_bits());
    }
    let text = (
        String::from("é ü ✓"),
        Some(7u32),
        None::<bool>,
        u64::MAX,
        usize::MAX,
    );
    let bytes = {
        let mut out = Vec::new();
        text.0.put(&mut out);
        text.1.put(&mut out);
        text.2.put(&mut out);
        text.3.put(&mut out);
        text.4.put(&mut out);
        out
    };
    let mut input = &bytes[..];
    assert_eq!(String::get(&mut input).as_deref(), Some("é ü ✓"));
    assert_eq!(Option::<u32>::get(&mut input), Some(Some(7)));
    assert_eq!(Option::<bool>::get(&mut input), Some(None));
    assert_eq!(u64::get(&mut input), Some(u64::MAX));
    assert_eq!(usize::get(&mut input), Some(usize::MAX));
    assert!(input.is_empty());
}

#[test]
fn damaged_input_reads_as_none() {
    let map: SortedMap<String, f64> = [("b".to_string(), 2.0), ("a".to_string(), 1.0)]
        .into_iter()
        .collect();
    let bytes = encode(&map);
    assert_eq!(decode::<SortedMap<String, f64>>(&bytes), Some(map));
    for cut in 0..bytes.len() {
        assert!(
            decode::<SortedMap<String, f64>>(&bytes[..cut]).is_none(),
            "{cut}"
        );
    }
    // A length far beyond the input neither allocates it nor reads past the end.
    assert!(decode::<Vec<u64>>(&u64::MAX.to_le_bytes()).is_none());
    assert!(decode::<bool>(&[2]).is_none());
    assert!(decode::<String>(&[1, 0, 0, 0, 0, 0, 0, 0, 0xff]).is_none());
}

#[test]
fn parameters_scenarios_and_answers_round_trip() {
    for id in [
        ParamId::Conversion(3),
        ParamId::PainProbability(0),
        ParamId::PainAbandon(12),
        ParamId::HappyProbability(1),
        ParamId::Churn,
        ParamId::Repeat,
        ParamId::Promotion,
        ParamId::Referrals,
        ParamId::Acceptance,
    ] {
        assert_eq!(round_trip(&id), Some(id));
    }
    assert!(decode::<ParamId>(&5_009u64.to_le_bytes()).is_none());
    assert!(decode::<ParamId>(&9_000u64.to_le_bytes()).is_none());
    let mut s = default_scenario();
    s.meta.runs = 40;
    assert_eq!(round_trip(&s), Some(s.clone()));
    let answer = seek_target(
        &s,
        ParamId::Conversion(0),
        crate::sim::Kpi::Purchased,
        1e12,
        5,
    )
    .unwrap();
    let back: TargetAnswer = round_trip(&answer).expect("the answer reads back");
    assert_eq!(back.value, answer.value);
    assert_eq!(back.range.0.to_bits(), answer.range.0.to_bits());
    assert_eq!(
        back.reachable_share.to_bits(),
        answer.reachable_share.to_bits()
    );
}

/// yew-agent's envelopes in the codec's serde format: unit, newtype and tuple variants around our
/// messages, which travel as one byte string each.
#[test]
fn codec_carries_envelopes_around_messages() {
    use crate::app::protocol::codec::{De, Ser};
    use crate::app::protocol::Input;
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    enum Envelope {
        Finish,
        Message(Input),
        ForBridge(u64, Input),
    }
    let write = |e: &Envelope| {
        let mut ser = Ser(Vec::new());
        e.serialize(&mut ser).map(|()| ser.0)
    };
    let read = |bytes: &[u8]| {
        let mut de = De(bytes);
        Envelope::deserialize(&mut de)
            .ok()
            .filter(|_| de.0.is_empty())
    };
    let cancel = |job| Input::Cancel { job };
    let bytes = write(&Envelope::ForBridge(7, cancel(3))).unwrap();
    let Some(Envelope::ForBridge(7, Input::Cancel { job: 3 })) = read(&bytes) else {
        panic!("tuple variant does not read back")
    };
    let bytes = write(&Envelope::Message(cancel(4))).unwrap();
    assert!(matches!(
        read(&bytes),
        Some(Envelope::Message(Input::Cancel { job: 4 }))
    ));
    assert!(matches!(
        read(&write(&Envelope::Finish).unwrap()),
        Some(Envelope::Finish)
    ));
    assert!(read(&bytes[..bytes.len() - 1]).is_none(), "short message");
    assert!(read(&[9]).is_none(), "unknown variant");
    let mut strings = Ser(Vec::new());
    assert!(
        "text".serialize(&mut strings).is_err(),
        "only envelopes and byte strings"
    );
}
