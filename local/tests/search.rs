//! Tests of the GameLift `SearchGameSessions` filter and sort expression language.

use local_services::gamelift::search::{Filter, SearchError, SearchErrorKind, Searchable, Sort};

#[derive(Debug, Clone, Default, PartialEq)]
struct Session {
    id: Option<&'static str>,
    name: Option<&'static str>,
    properties: Vec<(&'static str, &'static str)>,
    maximum: Option<i64>,
    created: Option<i64>,
    players: Option<i64>,
    available: Option<bool>,
}

impl Searchable for Session {
    fn game_session_id(&self) -> Option<&str> {
        self.id
    }
    fn game_session_name(&self) -> Option<&str> {
        self.name
    }
    fn game_session_property(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }
    fn maximum_sessions(&self) -> Option<i64> {
        self.maximum
    }
    fn creation_time_millis(&self) -> Option<i64> {
        self.created
    }
    fn player_session_count(&self) -> Option<i64> {
        self.players
    }
    fn has_available_player_sessions(&self) -> Option<bool> {
        self.available
    }
}

const ID: &str = "arn:aws:gamelift:us-west-2::gamesession/fleet-1234/gsess-1";

/// A session with every attribute set.
fn game() -> Session {
    Session {
        id: Some(ID),
        name: Some("Matt's Awesome Game 1"),
        properties: vec![("gameMode", "brawl"), ("map", "dust")],
        maximum: Some(10),
        created: Some(1_700_000_000_000),
        players: Some(4),
        available: Some(true),
    }
}

fn named(name: &'static str) -> Session {
    Session {
        name: Some(name),
        ..game()
    }
}

fn matches(expr: &str, session: &Session) -> bool {
    match Filter::parse(expr) {
        Ok(filter) => filter.matches(session),
        Err(e) => panic!("{expr:?} did not parse: {e}"),
    }
}

/// The position and message of the error for an invalid filter.
fn filter_error(expr: &str) -> (usize, String) {
    let e = Filter::parse(expr).expect_err(expr);
    assert_eq!(e.kind(), SearchErrorKind::Filter);
    let display = format!(
        "filter expression error at position {}: {}",
        e.position(),
        e.message()
    );
    assert_eq!(e.to_string(), display);
    (e.position(), e.message().to_owned())
}

fn sort_error(expr: &str) -> (usize, String) {
    let e = Sort::parse(expr).expect_err(expr);
    assert_eq!(e.kind(), SearchErrorKind::Sort);
    let display = format!(
        "sort expression error at position {}: {}",
        e.position(),
        e.message()
    );
    assert_eq!(e.to_string(), display);
    (e.position(), e.message().to_owned())
}

fn err(position: usize, message: &str) -> (usize, String) {
    (position, message.to_owned())
}

const VALID: &str = "valid operands are gameSessionName, gameSessionId, \
    gameSessionProperties.<key>, maximumSessions, creationTimeMillis, playerSessionCount, \
    hasAvailablePlayerSessions";

#[test]
fn documentation_examples() {
    let open = game();
    let full = Session {
        available: Some(false),
        ..game()
    };
    let small = Session {
        maximum: Some(9),
        ..game()
    };
    let example = "maximumSessions>=10 AND hasAvailablePlayerSessions=true";
    assert!(matches(example, &open));
    assert!(!matches(example, &full));
    assert!(!matches(example, &small));

    // The documentation's `"gameSessionName = 'Matt\\'s Awesome Game 1'"`, as a JSON
    // string, is the text below once its JSON escaping is removed.
    let by_name = r"gameSessionName = 'Matt\'s Awesome Game 1'";
    assert_eq!(by_name, "gameSessionName = 'Matt\\'s Awesome Game 1'");
    assert!(matches(by_name, &open));
    assert!(!matches(by_name, &named("Matt's Awesome Game 2")));

    let by_mode = r#"gameSessionProperties.gameMode = "brawl""#;
    assert!(matches(by_mode, &open));
    let deathmatch = Session {
        properties: vec![("gameMode", "deathmatch")],
        ..game()
    };
    assert!(!matches(by_mode, &deathmatch));

    // `x AND y AND NOT z` and `NOT (x OR y)` with real conditions.
    let chain = "maximumSessions >= 10 AND hasAvailablePlayerSessions = true AND NOT \
                 gameSessionProperties.gameMode = 'deathmatch'";
    assert!(matches(chain, &open));
    assert!(!matches(chain, &deathmatch));
    assert!(!matches(chain, &full));
    let neither = "NOT (gameSessionProperties.gameMode = 'deathmatch' OR playerSessionCount > 8)";
    assert!(matches(neither, &open));
    assert!(!matches(neither, &deathmatch));
    let crowded = Session {
        players: Some(9),
        ..game()
    };
    assert!(!matches(neither, &crowded));
}

#[test]
fn every_number_operand_with_every_comparator() {
    let session = game();
    for (operand, v) in [
        ("maximumSessions", 10i64),
        ("creationTimeMillis", 1_700_000_000_000),
        ("playerSessionCount", 4),
    ] {
        let (below, above) = (v - 1, v + 1);
        let cases = [
            (format!("{operand} = {v}"), true),
            (format!("{operand} = {below}"), false),
            (format!("{operand} <> {v}"), false),
            (format!("{operand} <> {above}"), true),
            (format!("{operand} < {above}"), true),
            (format!("{operand} < {v}"), false),
            (format!("{operand} > {below}"), true),
            (format!("{operand} > {v}"), false),
            (format!("{operand} <= {v}"), true),
            (format!("{operand} <= {below}"), false),
            (format!("{operand} >= {v}"), true),
            (format!("{operand} >= {above}"), false),
            (format!("{operand}>={v}"), true),
            (format!("{operand}<>{v}"), false),
        ];
        for (expr, expected) in cases {
            assert_eq!(matches(&expr, &session), expected, "{expr}");
        }
    }
}

#[test]
fn numbers_compare_numerically() {
    let session = game();
    for (expr, expected) in [
        ("playerSessionCount < 4.5", true),
        ("playerSessionCount > 3.5", true),
        ("playerSessionCount = 4.0", true),
        ("playerSessionCount = 4.5", false),
        ("playerSessionCount > -1", true),
        ("playerSessionCount >= 04", true),
        ("maximumSessions >= -10.5", true),
        ("maximumSessions < 100", true),
        ("creationTimeMillis > 99999999999999999999", false),
    ] {
        assert_eq!(matches(expr, &session), expected, "{expr}");
    }
}

#[test]
fn string_operands() {
    let session = game();
    for (expr, expected) in [
        (format!("gameSessionId = '{ID}'"), true),
        (format!("gameSessionId <> '{ID}'"), false),
        ("gameSessionId = 'gsess-1'".to_owned(), false),
        ("gameSessionId <> 'gsess-1'".to_owned(), true),
        (
            r"gameSessionName = 'matt\'s awesome game 1'".to_owned(),
            false,
        ),
        (
            r"gameSessionName <> 'matt\'s awesome game 1'".to_owned(),
            true,
        ),
        (
            "gameSessionName = \"Matt's Awesome Game 1\"".to_owned(),
            true,
        ),
        ("gameSessionProperties.gameMode = 'brawl'".to_owned(), true),
        ("gameSessionProperties.gameMode = 'Brawl'".to_owned(), false),
        (
            "gameSessionProperties.gameMode <> 'brawl'".to_owned(),
            false,
        ),
        ("gameSessionProperties.map = 'dust'".to_owned(), true),
        ("gameSessionProperties.map = ''".to_owned(), false),
        ("gameSessionProperties.missing = 'x'".to_owned(), false),
        ("gameSessionProperties.missing <> 'x'".to_owned(), false),
        ("NOT gameSessionProperties.missing = 'x'".to_owned(), true),
    ] {
        assert_eq!(matches(&expr, &session), expected, "{expr}");
    }
}

#[test]
fn boolean_operand() {
    let open = game();
    let full = Session {
        available: Some(false),
        ..game()
    };
    for (expr, on_open, on_full) in [
        ("hasAvailablePlayerSessions = true", true, false),
        ("hasAvailablePlayerSessions = false", false, true),
        ("hasAvailablePlayerSessions <> true", false, true),
        ("hasAvailablePlayerSessions <> false", true, false),
        ("hasAvailablePlayerSessions = TRUE", true, false),
        ("hasAvailablePlayerSessions=False", false, true),
    ] {
        assert_eq!(matches(expr, &open), on_open, "{expr}");
        assert_eq!(matches(expr, &full), on_full, "{expr}");
    }
}

#[test]
fn missing_values_never_compare() {
    let empty = Session::default();
    for operand in [
        "maximumSessions",
        "creationTimeMillis",
        "playerSessionCount",
    ] {
        for comparator in ["=", "<>", "<", ">", "<=", ">="] {
            let expr = format!("{operand} {comparator} 5");
            assert!(!matches(&expr, &empty), "{expr}");
            assert!(matches(&format!("NOT {expr}"), &empty), "NOT {expr}");
        }
    }
    for expr in [
        "gameSessionId = 'x'",
        "gameSessionId <> 'x'",
        "gameSessionName = 'x'",
        "gameSessionName <> 'x'",
        "gameSessionProperties.gameMode = 'x'",
        "gameSessionProperties.gameMode <> 'x'",
        "hasAvailablePlayerSessions = true",
        "hasAvailablePlayerSessions <> true",
    ] {
        assert!(!matches(expr, &empty), "{expr}");
    }
}

#[test]
fn empty_filter_matches_everything() {
    for expr in ["", "   ", " \t\n "] {
        let filter = Filter::parse(expr).unwrap();
        assert!(filter.matches(&game()));
        assert!(filter.matches(&Session::default()));
    }
}

#[test]
fn precedence() {
    let s = game();
    let (t, f) = ("maximumSessions = 10", "playerSessionCount = 99");
    // a OR b AND c is a OR (b AND c), not (a OR b) AND c.
    assert!(matches(&format!("{t} OR {f} AND {f}"), &s));
    assert!(matches(&format!("{t} OR ({f} AND {f})"), &s));
    assert!(!matches(&format!("({t} OR {f}) AND {f}"), &s));
    assert!(matches(&format!("{f} AND {f} OR {t}"), &s));
    assert!(!matches(&format!("{f} AND ({f} OR {t})"), &s));
    // NOT a AND b is (NOT a) AND b, not NOT (a AND b).
    assert!(!matches(&format!("NOT {f} AND {f}"), &s));
    assert!(!matches(&format!("(NOT {f}) AND {f}"), &s));
    assert!(matches(&format!("NOT ({f} AND {f})"), &s));
    // NOT a OR b is (NOT a) OR b.
    assert!(!matches(&format!("NOT {t} OR {f}"), &s));
    assert!(matches(&format!("NOT NOT {t}"), &s));
    assert!(matches(&format!("((({t})))"), &s));
}

#[test]
fn keywords_are_case_insensitive_and_whitespace_is_optional() {
    let s = game();
    assert!(matches(
        "maximumSessions = 10 and not playerSessionCount = 99 Or gameSessionName = 'x'",
        &s
    ));
    assert!(matches(
        "not(playerSessionCount=99)AND(maximumSessions>=10)",
        &s
    ));
    assert!(matches(
        "gameSessionName='Matt\\'s Awesome Game 1'AND\tmaximumSessions=10\nor\r\nNOT maximumSessions=10",
        &s
    ));
}

#[test]
fn string_escapes() {
    assert!(matches(r"gameSessionName = 'a\\b'", &named(r"a\b")));
    assert!(matches(
        r#"gameSessionName = "say \"hi\"""#,
        &named(r#"say "hi""#)
    ));
    assert!(matches(
        r#"gameSessionName = 'say "hi"'"#,
        &named(r#"say "hi""#)
    ));
    assert!(matches(r#"gameSessionName = "\'\\""#, &named(r"'\")));
    assert!(matches(
        "gameSessionName = 'AND ( ) = <>'",
        &named("AND ( ) = <>")
    ));
    assert!(matches("gameSessionName = 'héllo'", &named("héllo")));
    assert_eq!(
        filter_error(r"gameSessionName = 'a\nb'"),
        err(
            20,
            r#"unknown escape sequence '\n' in a string; only \', \" and \\ are allowed"#
        )
    );
}

#[test]
fn type_errors() {
    let string_cmp = "'gameSessionName' is a string attribute and can only be compared with \
                      '=' or '<>', not '>'";
    assert_eq!(filter_error("gameSessionName > 'a'"), err(16, string_cmp));
    assert_eq!(
        filter_error("maximumSessions = 'ten'"),
        err(
            18,
            "'maximumSessions' is a number attribute and cannot be compared with a string"
        )
    );
    assert_eq!(
        filter_error("hasAvailablePlayerSessions < true"),
        err(
            27,
            "'hasAvailablePlayerSessions' is a boolean attribute and can only be compared \
             with '=' or '<>', not '<'"
        )
    );
    assert_eq!(
        filter_error("gameSessionName = 5"),
        err(
            18,
            "'gameSessionName' is a string attribute and cannot be compared with a number \
             (string values must be enclosed in quotes)"
        )
    );
    assert_eq!(
        filter_error("gameSessionProperties.gameMode = true"),
        err(
            33,
            "'gameSessionProperties.gameMode' is a string attribute and cannot be compared \
             with a boolean (string values must be enclosed in quotes)"
        )
    );
    assert_eq!(
        filter_error("hasAvailablePlayerSessions = 1"),
        err(29, "'hasAvailablePlayerSessions' is a boolean attribute and cannot be compared with a number")
    );
    assert_eq!(
        filter_error("hasAvailablePlayerSessions = 'true'"),
        err(29, "'hasAvailablePlayerSessions' is a boolean attribute and cannot be compared with a string")
    );
    assert_eq!(
        filter_error("playerSessionCount <= false"),
        err(
            22,
            "'playerSessionCount' is a number attribute and cannot be compared with a boolean"
        )
    );
}

#[test]
fn syntax_errors_say_where() {
    let cases = [
        ("maximumSessions>=", 17, "expected a value after '>=', found end of expression"),
        ("(maximumSessions = 1", 20, "expected AND, OR or ')' to close the '(' at position 0, found end of expression"),
        ("(maximumSessions = 1 playerSessionCount = 2)", 21, "expected AND, OR or ')' to close the '(' at position 0, found 'playerSessionCount'"),
        ("gameSessionName = 'abc", 18, "unterminated string (no closing single quote)"),
        (r"gameSessionName = 'abc\'", 18, "unterminated string (no closing single quote)"),
        ("gameSessionProperties.gameMode = \"brawl", 33, "unterminated string (no closing double quote)"),
        ("maximumSessions >= AND playerSessionCount = 1", 19, "expected a value after '>=', found the keyword 'AND'"),
        ("gameSessionName = brawl", 18, "expected a value after '=', found 'brawl'; string values must be enclosed in quotes"),
        ("maximumSessions == 1", 17, "expected a value after '=', found '='"),
        ("maximumSessions 10", 16, "expected a comparator (=, <>, <, >, <= or >=) after 'maximumSessions', found the number 10"),
        ("maximumSessions", 15, "expected a comparator (=, <>, <, >, <= or >=) after 'maximumSessions', found end of expression"),
        ("maximumSessions = 1 playerSessionCount = 2", 20, "expected AND, OR or the end of the expression after a condition, found 'playerSessionCount'"),
        ("maximumSessions = 1 'x'", 20, "expected AND, OR or the end of the expression after a condition, found the string 'x'"),
        ("maximumSessions = 1)", 19, "unmatched ')'"),
        ("()", 1, "empty parentheses: expected a condition between '(' and ')'"),
        ("maximumSessions = 1 AND ( )", 26, "empty parentheses: expected a condition between '(' and ')'"),
        ("maximumSessions = 1 AND", 23, "expected a condition after 'AND', found end of expression"),
        ("NOT", 3, "expected a condition after 'NOT', found end of expression"),
        ("AND maximumSessions = 1", 0, "expected a condition, found the keyword 'AND'"),
        ("maximumSessions = 1 OR OR playerSessionCount = 1", 23, "expected a condition after 'OR', found the keyword 'OR'"),
        ("= 1", 0, "expected a condition, found '='"),
        ("maximumSessions != 1", 16, "unexpected character '!'; use '<>' for \"not equal\""),
        ("maximumSessions = 1 & playerSessionCount = 1", 20, "unexpected character '&'"),
        ("maximumSessions = 1.", 18, "invalid number '1.' (numbers are written like 10, -3 or 2.5)"),
        ("maximumSessions = -", 18, "expected a digit after '-'"),
    ];
    for (expr, position, message) in cases {
        assert_eq!(filter_error(expr), err(position, message), "{expr}");
    }
}

#[test]
fn unknown_operands_name_the_valid_ones() {
    assert_eq!(
        filter_error("maxSessions = 1"),
        err(0, &format!("unknown operand 'maxSessions'; {VALID}"))
    );
    assert_eq!(
        filter_error("maximumSessions = 1 AND gamesessionname = 'x'"),
        err(
            24,
            &format!(
                "unknown operand 'gamesessionname' (operand names are case sensitive: did you \
                 mean 'gameSessionName'?); {VALID}"
            )
        )
    );
    assert_eq!(
        filter_error("gameSessionProperties = 'brawl'"),
        err(
            0,
            "'gameSessionProperties' needs a property key, as in 'gameSessionProperties.gameMode'"
        )
    );
}

#[test]
fn nesting_depth_is_capped() {
    let condition = "maximumSessions = 10";
    let nested = |n: usize| format!("{}{condition}{}", "(".repeat(n), ")".repeat(n));
    assert!(matches(&nested(64), &game()));
    let too_deep = "the expression is nested too deeply (at most 64 levels of parentheses and NOT)";
    assert_eq!(filter_error(&nested(65)), err(64, too_deep));
    assert_eq!(filter_error(&nested(100_000)), err(64, too_deep));
    assert!(matches(
        &format!("{}{condition}", "NOT ".repeat(64)),
        &game()
    ));
    assert_eq!(
        filter_error(&format!("{}{condition}", "NOT ".repeat(100_000))),
        err(256, too_deep)
    );
    // NOT and parentheses share the budget: 32 of each is 64 levels; the 33rd NOT is too deep.
    let mixed = |n: usize| format!("{}{condition}{}", "NOT (".repeat(n), ")".repeat(n));
    assert!(matches(&mixed(32), &game()));
    assert_eq!(filter_error(&mixed(33)), err(32 * 5, too_deep));
    // Long AND/OR chains are not nesting.
    let chain = vec![condition; 50_000].join(" AND ");
    assert!(matches(&chain, &game()));
    let chain = vec!["playerSessionCount = 99"; 50_000].join(" OR ") + " OR maximumSessions = 10";
    assert!(matches(&chain, &game()));
}

#[test]
fn search_error_is_a_std_error() {
    let e: Box<dyn std::error::Error> = Box::new(Filter::parse("maximumSessions>=").unwrap_err());
    assert_eq!(
        e.to_string(),
        "filter expression error at position 17: expected a value after '>=', found end of expression"
    );
    assert!(e.source().is_none());
    let s: SearchError = Sort::parse("x").unwrap_err();
    assert!(s
        .to_string()
        .starts_with("sort expression error at position 0: unknown operand 'x'"));
}

fn with_created(id: &'static str, created: Option<i64>) -> Session {
    Session {
        id: Some(id),
        created,
        ..game()
    }
}

fn ids(sessions: &[Session]) -> Vec<&str> {
    sessions.iter().map(|s| s.id.unwrap_or("-")).collect()
}

#[test]
fn sort_numbers_ascending_and_descending_with_nulls_last() {
    let sessions = vec![
        with_created("c3", Some(3)),
        with_created("n1", None),
        with_created("c1", Some(1)),
        with_created("c2a", Some(2)),
        with_created("n2", None),
        with_created("c2b", Some(2)),
    ];
    let mut asc = sessions.clone();
    Sort::parse("creationTimeMillis ASC")
        .unwrap()
        .sort(&mut asc);
    assert_eq!(ids(&asc), ["c1", "c2a", "c2b", "c3", "n1", "n2"]);
    let mut desc = sessions.clone();
    Sort::parse("creationTimeMillis desc")
        .unwrap()
        .sort(&mut desc);
    assert_eq!(ids(&desc), ["c3", "c2a", "c2b", "c1", "n1", "n2"]);
    let sort = Sort::parse("  creationTimeMillis   Asc  ").unwrap();
    assert_eq!(
        sort.compare(&sessions[1], &sessions[0]),
        std::cmp::Ordering::Greater
    );
    assert_eq!(
        sort.compare(&sessions[0], &sessions[1]),
        std::cmp::Ordering::Less
    );
    assert_eq!(
        sort.compare(&sessions[1], &sessions[4]),
        std::cmp::Ordering::Equal
    );
    assert_eq!(
        sort.compare(&sessions[3], &sessions[5]),
        std::cmp::Ordering::Equal
    );
}

#[test]
fn sort_strings_booleans_and_properties() {
    let names =
        |list: &[Session]| -> Vec<&str> { list.iter().map(|s| s.name.unwrap_or("-")).collect() };
    let mut sessions = vec![
        named("b"),
        Session {
            name: None,
            ..game()
        },
        named("B"),
        named("a"),
    ];
    Sort::parse("gameSessionName ASC")
        .unwrap()
        .sort(&mut sessions);
    assert_eq!(names(&sessions), ["B", "a", "b", "-"]);
    Sort::parse("gameSessionName DESC")
        .unwrap()
        .sort(&mut sessions);
    assert_eq!(names(&sessions), ["b", "a", "B", "-"]);

    let flag = |id, available| Session {
        id: Some(id),
        available,
        ..game()
    };
    let mut sessions = vec![
        flag("t", Some(true)),
        flag("n", None),
        flag("f", Some(false)),
    ];
    Sort::parse("hasAvailablePlayerSessions ASC")
        .unwrap()
        .sort(&mut sessions);
    assert_eq!(ids(&sessions), ["f", "t", "n"]);
    Sort::parse("hasAvailablePlayerSessions DESC")
        .unwrap()
        .sort(&mut sessions);
    assert_eq!(ids(&sessions), ["t", "f", "n"]);

    let mode = |id, mode: Option<&'static str>| Session {
        id: Some(id),
        properties: mode.map(|m| vec![("gameMode", m)]).unwrap_or_default(),
        ..game()
    };
    let mut sessions = vec![
        mode("x", None),
        mode("d", Some("deathmatch")),
        mode("b", Some("brawl")),
    ];
    Sort::parse("gameSessionProperties.gameMode DESC")
        .unwrap()
        .sort(&mut sessions);
    assert_eq!(ids(&sessions), ["d", "b", "x"]);

    let count = |id, players| Session {
        id: Some(id),
        players: Some(players),
        maximum: Some(10 - players),
        ..game()
    };
    let mut sessions = vec![count("p2", 2), count("p0", 0), count("p1", 1)];
    Sort::parse("playerSessionCount ASC")
        .unwrap()
        .sort(&mut sessions);
    assert_eq!(ids(&sessions), ["p0", "p1", "p2"]);
    Sort::parse("maximumSessions ASC")
        .unwrap()
        .sort(&mut sessions);
    assert_eq!(ids(&sessions), ["p2", "p1", "p0"]);
    let mut by_id = vec![count("b", 1), count("a", 1)];
    Sort::parse("gameSessionId ASC").unwrap().sort(&mut by_id);
    assert_eq!(ids(&by_id), ["a", "b"]);
}

#[test]
fn sort_errors() {
    let order = "expected a sort order (ASC or DESC) after 'creationTimeMillis'";
    let cases = [
        ("", 0, "expected an operand to sort by, found end of expression".to_owned()),
        ("   ", 3, "expected an operand to sort by, found end of expression".to_owned()),
        ("creationTimeMillis", 18, format!("{order}, found end of expression")),
        ("creationTimeMillis UP", 19, format!("{order}, found 'UP'")),
        ("creationTimeMillis > 5", 19, format!("{order}, found '>'")),
        ("creationTimeMillis ASC playerSessionCount", 23, "expected the end of the expression after the sort order, found 'playerSessionCount' (a sort expression is one operand followed by ASC or DESC)".to_owned()),
        ("created ASC", 0, format!("unknown operand 'created'; {VALID}")),
        ("'x' ASC", 0, "expected an operand to sort by, found the string 'x'".to_owned()),
        ("gameSessionProperties ASC", 0, "'gameSessionProperties' needs a property key, as in 'gameSessionProperties.gameMode'".to_owned()),
        ("gameSessionName 'ASC", 16, "unterminated string (no closing single quote)".to_owned()),
    ];
    for (expr, position, message) in cases {
        assert_eq!(sort_error(expr), (position, message), "{expr}");
    }
}
