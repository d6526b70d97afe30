//! Which renderer draws the window: glow (OpenGL; Mesa's llvmpipe on a Linux desk without a
//! GPU) or wgpu (Vulkan or DirectX 12; lavapipe, or Windows' WARP, without one). In order:
//! `ARVIO_RENDERER=glow|wgpu` for one start (IT trying a desk out, the keystroke-to-screen
//! benchmark `scripts/key-latency-bench.sh`), the managed configuration's `renderer`, else the
//! platform's [`DEFAULT`]. When the chosen one cannot open the window, the app opens it with the
//! other ([`other`], used by `ui::run`).

use crate::config::Renderer;

pub const VARIABLE: &str = "ARVIO_RENDERER";

/// Linux: glow, which drew a keystroke on Mesa's software renderers about four times faster
/// than wgpu (docs/PERFORMANCE.md, keystroke to screen). Windows: wgpu, since a Windows desk
/// without a GPU driver has only OpenGL 1.1, too old for glow, while DirectX 12 has WARP.
pub const DEFAULT: Renderer = if cfg!(windows) {
    Renderer::Wgpu
} else {
    Renderer::Glow
};

/// The renderer of this start, given the environment variable's value and the managed
/// configuration's choice; a value it cannot read is said (returned as the second part) and
/// passed over, so the window still opens.
pub fn choose(variable: Option<&str>, managed: Option<Renderer>) -> (Renderer, Option<String>) {
    let from_variable = variable.map(|v| Renderer::from_name(v).ok_or(v));
    match from_variable {
        Some(Ok(r)) => (r, None),
        Some(Err(bad)) => {
            let fallback = managed.unwrap_or(DEFAULT);
            let known = Renderer::ALL.map(Renderer::name).join(", ");
            let said = format!(
                "{VARIABLE}={bad:?} is not a renderer ({known}); using {}",
                fallback.name()
            );
            (fallback, Some(said))
        }
        None => (managed.unwrap_or(DEFAULT), None),
    }
}

/// [`choose`] with this process's environment, anything unreadable said on stderr.
pub fn chosen(managed: Option<Renderer>) -> Renderer {
    let variable = std::env::var(VARIABLE).ok();
    let (renderer, said) = choose(variable.as_deref(), managed);
    if let Some(said) = said {
        eprintln!("arvio: {said}");
    }
    renderer
}

/// The other renderer: the second try when the first cannot open the window.
pub fn other(r: Renderer) -> Renderer {
    match r {
        Renderer::Glow => Renderer::Wgpu,
        Renderer::Wgpu => Renderer::Glow,
    }
}

pub fn to_eframe(r: Renderer) -> eframe::Renderer {
    match r {
        Renderer::Glow => eframe::Renderer::Glow,
        Renderer::Wgpu => eframe::Renderer::Wgpu,
    }
}

/// Whether eframe's `error` says the renderer could not start (so the other may), rather than
/// the app or the window system failing.
pub fn failed_to_start(error: &eframe::Error) -> bool {
    matches!(
        error,
        eframe::Error::Glutin(_)
            | eframe::Error::NoGlutinConfigs(..)
            | eframe::Error::OpenGL(_)
            | eframe::Error::Wgpu(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_wins_over_the_managed_choice_and_that_over_the_default() {
        assert_eq!(
            choose(Some("glow"), Some(Renderer::Wgpu)),
            (Renderer::Glow, None)
        );
        assert_eq!(choose(Some(" WGPU\n"), None), (Renderer::Wgpu, None));
        assert_eq!(choose(None, Some(Renderer::Wgpu)), (Renderer::Wgpu, None));
        assert_eq!(choose(None, None), (DEFAULT, None));
    }

    #[test]
    fn an_unreadable_variable_is_said_and_passed_over() {
        let (r, said) = choose(Some("vulkan"), Some(Renderer::Wgpu));
        assert_eq!(r, Renderer::Wgpu, "the managed choice, not the bad value");
        let said = said.expect("said");
        assert!(
            said.contains("\"vulkan\"") && said.contains("glow, wgpu"),
            "{said}"
        );
    }

    #[test]
    fn the_second_try_is_the_other_renderer() {
        for r in Renderer::ALL {
            assert_ne!(other(r), r);
            assert_eq!(other(other(r)), r);
        }
    }
}
