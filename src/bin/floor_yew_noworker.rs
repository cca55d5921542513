//! Size floor B without the worker reactors (for splitting B's cost). Otherwise identical to floor_yew.rs.
//! Size floor B: floor A's exports plus a minimal yew app (one function component with a reducer, a
//! text input, a button, a list and an SVG drawn with `Html::from_html_unchecked`), and the exported
//! `start_worker` that registers the app's two yew-agent reactors (src/app/spawn.rs).

#[cfg(target_arch = "wasm32")]
#[path = "floor/exports.rs"]
mod exports;

#[cfg(target_arch = "wasm32")]
mod ui {
    use std::rc::Rc;

    use web_sys::HtmlInputElement;
    use yew::prelude::*;

    #[derive(Clone, Default, PartialEq)]
    pub struct State {
        text: String,
        items: Vec<String>,
        svg: String,
    }

    pub enum Action {
        Edit(String),
        Run,
    }

    impl Reducible for State {
        type Action = Action;
        fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
            let mut s = (*self).clone();
            match action {
                Action::Edit(text) => s.text = text,
                Action::Run => {
                    s.svg = super::exports::floor_inline(&s.text, "purchased", 0, "€");
                    s.items.push(s.text.clone());
                }
            }
            Rc::new(s)
        }
    }

    #[function_component(Floor)]
    pub fn floor() -> Html {
        let state = use_reducer(State::default);
        let oninput = {
            let state = state.clone();
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                state.dispatch(Action::Edit(input.value()));
            })
        };
        let onclick = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Run))
        };
        html! {
            <main>
                <input type="text" value={state.text.clone()} {oninput} />
                <button type="button" {onclick}>{"Run"}</button>
                <ul>{ for state.items.iter().map(|i| html! { <li key={i.clone()}>{i}</li> }) }</ul>
                <div class="svg-wrap">{Html::from_html_unchecked(AttrValue::from(state.svg.clone()))}</div>
            </main>
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    if web_sys::window().is_some() {
        yew::Renderer::<ui::Floor>::new().render();
    }
}

