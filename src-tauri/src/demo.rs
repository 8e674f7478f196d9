//! Looking around the demo portfolio from a new user's welcome: the demo opens in a file of its
//! own (`Rapport::demo_beside`) while the user's database waits aside, open and untouched, until
//! they go back to it. No chore runs while the demo is shown.

use rapport::{Rapport, UserError};

use crate::Core;
use crate::commands::busy;

impl Core {
    /// Whether the window shows the demo rather than the user's data.
    pub fn in_demo(&self) -> bool {
        self.aside.lock().is_ok_and(|aside| aside.is_some())
    }
}

/// Puts the user's data aside and opens the demo, made afresh as of the window's moment.
pub fn look(core: &Core) -> Result<(), UserError> {
    let mut aside = core.aside.lock().map_err(|_| busy())?;
    if aside.is_some() {
        return Ok(());
    }
    let demo = Rapport::demo_beside(&core.path, core.clock.now()).map_err(UserError::from)?;
    let mut open = core.open.lock().map_err(|_| busy())?;
    let mut demo = Ok(demo);
    if let Ok(rapport) = demo.as_mut() {
        rapport.set_clock(core.clock);
    }
    *aside = Some(std::mem::replace(&mut *open, demo));
    Ok(())
}

/// Closes the demo and puts the user's data back as it was.
pub fn leave(core: &Core) -> Result<(), UserError> {
    let mut aside = core.aside.lock().map_err(|_| busy())?;
    if let Some(mine) = aside.take() {
        let mut open = core.open.lock().map_err(|_| busy())?;
        *open = mine;
    }
    Ok(())
}

/// What a command about the user's own file answers while the demo is shown.
pub fn refused() -> UserError {
    UserError {
        code: rapport::error::ErrorCode::Conflict,
        message: "You are looking at the demo portfolio. Go back to your data first: your backups and your file are kept apart from the demo.".into(),
        field: None,
    }
}
