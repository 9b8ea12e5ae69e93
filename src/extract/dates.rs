//! Dates and durations: "November 21", "Nov. 21", "on Monday", "one week".
