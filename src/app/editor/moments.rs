//! Pain points and happy moments, each at any stage including Retention and Advocacy.

use yew::prelude::*;

use crate::sim::Scenario;

use super::super::context::EditContext;
use super::super::fields::Field;
use super::super::structure::Structure;
use super::buttons::{add, remove};
use super::field::{check, input, select, PROB, TEXT};
use super::problems::panel_problems;

/// Options for choosing a funnel stage: its index, and its number and name ("2. Interest").
pub fn stage_options(s: &Scenario) -> Vec<(String, String)> {
    s.stages
        .iter()
        .enumerate()
        .map(|(i, st)| (i.to_string(), format!("{}. {}", i + 1, st.name)))
        .collect()
}

/// Options for choosing where something happens: every funnel stage, then Retention and Advocacy.
pub fn location_options(s: &Scenario) -> Vec<(String, String)> {
    let mut v = stage_options(s);
    v.push(("retention".into(), "Retention".into()));
    v.push(("advocacy".into(), "Advocacy".into()));
    v
}

/// One item of a list panel (a pain point, a happy moment, a persona), keyed by its index: a fieldset
/// with a hidden legend,
/// a head row (`head`, then the remove button) and a grid of further inputs.
pub(super) fn item(
    ctx: &EditContext,
    (key, legend): (usize, String),
    head: Html,
    (remove_edit, name, remove_id): (Structure, &str, String),
    grid: (&'static str, Html),
) -> Html {
    html! {
        <fieldset class="item" {key}>
            <legend class="sr-only">{legend}</legend>
            <div class="item-head">
                {head}
                {remove(ctx, remove_edit, name, remove_id)}
            </div>
            <div class={grid.0}>{grid.1}</div>
        </fieldset>
    }
}

/// A list panel: the empty text or the items, the add button and the panel's problems.
pub(super) fn list(
    ctx: &EditContext,
    empty: Option<Html>,
    items: impl Iterator<Item = Html>,
    add_button: Html,
    prefix: &str,
) -> Html {
    html! {
        <div class="items">
            {empty}
            { for items }
            {add_button}
            {panel_problems(ctx, prefix)}
        </div>
    }
}

/// What tells the two lists of moments apart; everything else they share.
struct Moments {
    /// Singular noun, capitalised: the name input's label and, numbered, the item's legend.
    noun: &'static str,
    /// Test id prefix of the items (`<id>-<i>-remove`).
    id: &'static str,
    /// Path prefix of the panel's problems.
    prefix: &'static str,
    /// Text when the list is empty.
    empty: &'static str,
    /// The add button's text, test id and edit.
    add: (&'static str, &'static str, Structure),
    /// The remove edit of item `i`.
    remove: fn(usize) -> Structure,
    /// Item `i`'s name input, stage picker and chance per period.
    fields: [fn(usize) -> Field; 3],
    /// Item `i`'s last input (after the chance).
    last: fn(&EditContext, usize) -> Html,
}

/// Pain points: name, stage, probability per period and probability of leaving at once.
const PAIN: Moments = Moments {
    noun: "Pain point",
    id: "pain",
    prefix: "pain_points",
    empty: "No pain points.",
    add: ("+ Add pain point", "pain-add", Structure::AddPain),
    remove: Structure::RemovePain,
    fields: [Field::PainName, Field::PainStage, Field::PainProbability],
    last: |ctx, i| input(ctx, Field::PainAbandon(i), "Leave at once".into(), &PROB),
};

/// Happy moments: name, stage, probability per period and whether it recovers a poor experience.
const HAPPY: Moments = Moments {
    noun: "Happy moment",
    id: "happy",
    prefix: "happy_moments",
    empty: "No happy moments.",
    add: ("+ Add happy moment", "happy-add", Structure::AddHappy),
    remove: Structure::RemoveHappy,
    fields: [Field::HappyName, Field::HappyStage, Field::HappyProbability],
    last: |ctx, i| check(ctx, Field::HappyRecovers(i), "Cancels one poor experience"),
};

/// A list of moments with the given `names`, as `m` describes it.
fn moments(ctx: &EditContext, m: &Moments, names: &[&str]) -> Html {
    let options = location_options(&ctx.state.scenario);
    let [name, stage, chance] = m.fields;
    let items = names.iter().enumerate().map(|(i, item_name)| {
        let grid = html! { <>
            {select(ctx, stage(i), "Stage", &options)}
            {input(ctx, chance(i), "Chance per period".into(), &PROB)}
            {(m.last)(ctx, i)}
        </> };
        item(
            ctx,
            (i, format!("{} {}", m.noun, i + 1)),
            input(ctx, name(i), m.noun.into(), &TEXT),
            ((m.remove)(i), item_name, format!("{}-{i}-remove", m.id)),
            ("grid3", grid),
        )
    });
    let empty = names
        .is_empty()
        .then(|| html! { <p class="empty">{m.empty}</p> });
    let (text, id, edit) = m.add.clone();
    list(ctx, empty, items, add(ctx, edit, text, id), m.prefix)
}

/// Pain points: name, stage, probability per period and probability of leaving at once.
pub fn pain_points(ctx: &EditContext) -> Html {
    let s = &ctx.state.scenario;
    let names: Vec<&str> = s.pain_points.iter().map(|p| p.name.as_str()).collect();
    moments(ctx, &PAIN, &names)
}

/// Happy moments: name, stage, probability per period and whether it recovers a poor experience.
pub fn happy_moments(ctx: &EditContext) -> Html {
    let s = &ctx.state.scenario;
    let names: Vec<&str> = s.happy_moments.iter().map(|h| h.name.as_str()).collect();
    moments(ctx, &HAPPY, &names)
}
