//! The standard library's and the AWS library's functions, one by one.

use std::rc::Rc;

use super::super::aws::{is_virtual_hostable_s3_bucket, parse_arn};
use super::super::expr::parse_path;
use super::super::json::Cursor;
use super::super::partitions::Partitions;
use super::super::stdlib::{is_valid_host_label, parse_url, split, substring, uri_encode};
use super::super::syntax::PathPart;
use super::super::val::{Text, Val};

#[test]
fn parse_url_splits_scheme_authority_and_path() {
    let url = parse_url("http://example.com:80/foo/bar").expect("a URL");
    assert_eq!(
        (
            &*url.scheme,
            &*url.authority,
            &*url.path,
            &*url.normalized_path,
            url.is_ip
        ),
        ("http", "example.com:80", "/foo/bar", "/foo/bar/", false)
    );
    let bare = parse_url("https://example.com").expect("a URL");
    assert_eq!((&*bare.path, &*bare.normalized_path), ("", "/"));
    let slash = parse_url("https://example.com/").expect("a URL");
    assert_eq!((&*slash.path, &*slash.normalized_path), ("/", "/"));
}

#[test]
fn parse_url_recognizes_ip_addresses() {
    assert!(parse_url("https://127.0.0.1").expect("IPv4").is_ip);
    assert!(parse_url("https://010.0.0.255:80").expect("IPv4").is_ip);
    assert!(!parse_url("https://1.2.3.256").expect("a host").is_ip);
    assert!(!parse_url("https://1.2.3").expect("a host").is_ip);
    let v6 = parse_url("https://[fe80::1]:443/x").expect("IPv6");
    assert_eq!((&*v6.authority, v6.is_ip), ("[fe80::1]:443", true));
    assert!(!parse_url("https://999.999.abc.blah").expect("a host").is_ip);
    assert!(parse_url("https://[not-an-address]").is_none());
}

#[test]
fn parse_url_rejects_what_is_not_an_endpoint() {
    for bad in [
        "https://example.com:8443?foo=bar",
        "https://example.com/path?query",
        "acbd://example.com",
        "example.com",
        "http://abc.com:a/foo",
        "http://abc.com:99999",
        "http://:80/",
        "https:///path",
    ] {
        assert!(parse_url(bad).is_none(), "{bad} parsed");
    }
    let fragment = parse_url("HTTPS://example.com/a#frag").expect("a fragment is dropped");
    assert_eq!((&*fragment.scheme, &*fragment.path), ("https", "/a"));
    assert!(
        parse_url("https://example.com/a#frag?x").is_some(),
        "the `?` is in the fragment"
    );
    // User information is not part of the authority.
    assert_eq!(
        &*parse_url("https://user:pw@example.com")
            .expect("a URL")
            .authority,
        "example.com"
    );
}

#[test]
fn host_labels_and_subdomains() {
    assert!(is_valid_host_label("us-east-1", false));
    assert!(is_valid_host_label("3aws4", false));
    assert!(is_valid_host_label(&"a".repeat(63), false));
    assert!(!is_valid_host_label(&"a".repeat(64), false));
    assert!(!is_valid_host_label("part1.part2", false));
    assert!(is_valid_host_label("part1.part2", true));
    for bad in [
        "",
        "-dash",
        "part1 part2",
        "part1.",
        "part1..part2",
        "part1.-part2",
        "a_b",
    ] {
        assert!(!is_valid_host_label(bad, true), "{bad:?} is valid");
    }
}

#[test]
fn substring_counts_ascii_from_either_end() {
    assert_eq!(substring("abcdefg", 0, 4, false), Some("abcd"));
    assert_eq!(substring("abcdefg", 0, 4, true), Some("defg"));
    assert_eq!(substring("abcdefg", 1, 3, false), Some("bc"));
    assert_eq!(substring("abcdefg", 1, 3, true), Some("ef"));
    assert_eq!(substring("abcd", 0, 4, false), Some("abcd"));
    assert_eq!(substring("abc", 0, 4, false), None);
    assert_eq!(
        substring("\u{fdfd}abcd", 0, 4, false),
        None,
        "non-ASCII input"
    );
    assert_eq!(substring("abcd", 2, 2, false), None);
    assert_eq!(substring("abcd", -1, 2, false), None);
}

#[test]
fn uri_encode_keeps_only_unreserved_characters() {
    assert_eq!(
        uri_encode("0123456789.underscore_dash-Tilda~"),
        "0123456789.underscore_dash-Tilda~"
    );
    assert_eq!(uri_encode("abc:defg"), "abc%3Adefg");
    assert_eq!(uri_encode("a b/c%"), "a%20b%2Fc%25");
    assert_eq!(uri_encode("\u{1f639}"), "%F0%9F%98%B9");
    assert_eq!(uri_encode(""), "");
}

#[test]
fn split_honours_its_limit() {
    assert_eq!(split("a--b--c", "--", 0), Some(vec!["a", "b", "c"]));
    assert_eq!(split("a--b--c", "--", 2), Some(vec!["a", "b--c"]));
    assert_eq!(split("a--b--c", "--", 1), Some(vec!["a--b--c"]));
    assert_eq!(split("", "--", 0), Some(vec![""]));
    assert_eq!(split("----", "--", 0), Some(vec!["", "", ""]));
    assert_eq!(split("aaa", "aa", 0), Some(vec!["", "a"]));
    assert_eq!(split("abc", "", 0), None);
    assert_eq!(split("abc", "b", -1), None);
}

fn path(text: &str) -> Vec<PathPart> {
    let json = serde_json::Value::Null;
    parse_path(&Cursor::root(&json), text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn get_attr_paths_read_keys_and_indexes() {
    assert_eq!(
        path("a.b[0]"),
        vec![
            PathPart::Key("a".into()),
            PathPart::Key("b".into()),
            PathPart::Index(0)
        ]
    );
    assert_eq!(path("[-1]"), vec![PathPart::Index(-1)]);
    let json = serde_json::Value::Null;
    for bad in ["a..b", "a[x]", "a[0", ""] {
        assert!(
            parse_path(&Cursor::root(&json), bad).is_err(),
            "{bad:?} parsed"
        );
    }

    let arn = Val::Arn(Rc::new(
        parse_arn("arn:aws:ec2:us-east-1:012345678910:vpc/vpc-0e98").expect("an ARN"),
    ));
    let text = |v: Option<Val<'_>>| match v {
        Some(Val::Str(t)) => t.to_string(),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(arn.get_attr(&path("resourceId[1]"))), "vpc-0e98");
    assert_eq!(text(arn.get_attr(&path("resourceId[-2]"))), "vpc");
    assert_eq!(arn.get_attr(&path("resourceId[2]")), None);
    assert_eq!(arn.get_attr(&path("resourceId[-3]")), None);
    assert_eq!(arn.get_attr(&path("nothing")), None);
    let list = Val::Array(vec![Val::Str(Text::Borrowed("x"))].into());
    assert_eq!(text(list.get_attr(&path("[0]"))), "x");
    assert_eq!(list.get_attr(&path("key")), None);
}

#[test]
fn parse_arn_reads_the_six_parts() {
    let arn = parse_arn("arn:aws:iam::012345678910:user/johndoe").expect("an ARN");
    assert_eq!(
        (
            &*arn.partition,
            &*arn.service,
            &*arn.region,
            &*arn.account_id
        ),
        ("aws", "iam", "", "012345678910")
    );
    let ids: Vec<&str> = arn.resource_id.iter().map(|s| &**s).collect();
    assert_eq!(ids, ["user", "johndoe"]);
    let bucket = parse_arn("arn:aws:s3:::bucket_name").expect("an ARN");
    assert_eq!(bucket.resource_id.len(), 1);
    let colons =
        parse_arn("arn:aws:s3-outposts:us-west-2:123:outpost:op-01:bucket:b").expect("an ARN");
    assert_eq!(colons.resource_id.len(), 4);
    for bad in [
        "11111111-2222-3333-4444-555555555555",
        "arn:aws:s3:us-west-2:123",
        "arn::s3:::b",
        "arn:aws::::b",
        "arn:aws:s3:::",
        "ARN:aws:s3:::b",
    ] {
        assert!(parse_arn(bad).is_none(), "{bad} parsed");
    }
}

#[test]
fn virtual_hostable_s3_buckets() {
    assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
    assert!(is_virtual_hostable_s3_bucket("abc", false));
    assert!(!is_virtual_hostable_s3_bucket("ab", false), "too short");
    assert!(
        !is_virtual_hostable_s3_bucket(&"a".repeat(64), false),
        "too long"
    );
    assert!(
        !is_virtual_hostable_s3_bucket("My-Bucket", false),
        "uppercase"
    );
    assert!(
        !is_virtual_hostable_s3_bucket("bucket-", false),
        "ends with a dash"
    );
    assert!(!is_virtual_hostable_s3_bucket("bucket_name", false));
    assert!(
        !is_virtual_hostable_s3_bucket("bucket.name", false),
        "dots need subdomains"
    );
    assert!(is_virtual_hostable_s3_bucket("bucket.name", true));
    assert!(!is_virtual_hostable_s3_bucket("bucket..name", true));
    assert!(
        !is_virtual_hostable_s3_bucket("192.168.100.100", true),
        "an IP address"
    );
    assert!(!is_virtual_hostable_s3_bucket(
        &format!("{}.{}", "a".repeat(40), "b".repeat(40)),
        true
    ));
}

#[test]
fn partitions_by_listed_region_then_pattern_then_aws() {
    let partitions = Partitions::aws();
    let name = |region: &str| partitions.partition_of(region).map(|p| p.name.clone());
    assert_eq!(name("us-west-2").as_deref(), Some("aws"));
    assert_eq!(name("aws-global").as_deref(), Some("aws"));
    assert_eq!(name("cn-northwest-1").as_deref(), Some("aws-cn"));
    assert_eq!(name("us-gov-west-1").as_deref(), Some("aws-us-gov"));
    // Not listed: the first partition whose pattern matches.
    assert_eq!(name("us-isob-west-9").as_deref(), Some("aws-iso-b"));
    assert_eq!(name("eu-isoe-west-1").as_deref(), Some("aws-iso-e"));
    assert_eq!(name("ap-future-7").as_deref(), Some("aws"));
    assert_eq!(name("eusc-de-west-2").as_deref(), Some("aws-eusc"));
    // No pattern matches: the aws partition.
    assert_eq!(name("local").as_deref(), Some("aws"));
    assert_eq!(name("").as_deref(), Some("aws"));
    let cn = partitions.partition_of("cn-north-1").expect("a partition");
    assert_eq!(
        (
            cn.dns_suffix.as_str(),
            cn.dual_stack_dns_suffix.as_str(),
            cn.implicit_global_region.as_str()
        ),
        (
            "amazonaws.com.cn",
            "api.amazonwebservices.com.cn",
            "cn-northwest-1"
        )
    );
}

#[test]
fn partitions_from_json_apply_region_overrides() {
    let partitions = Partitions::from_json(
        r#"{"partitions": [{"id": "p", "regionRegex": "^p-\\w+$", "regions": {
            "p-one": {"description": "plain"}, "p-two": {"supportsFIPS": false, "dnsSuffix": "two.example"}},
            "outputs": {"name": "p", "dnsSuffix": "example", "dualStackDnsSuffix": "ds.example",
                        "supportsFIPS": true, "supportsDualStack": false, "implicitGlobalRegion": "p-one"}}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let one = partitions.partition_of("p-one").expect("listed");
    assert!(one.supports_fips);
    let two = partitions.partition_of("p-two").expect("listed");
    assert_eq!(
        (two.supports_fips, two.dns_suffix.as_str()),
        (false, "two.example")
    );
    assert_eq!(
        partitions
            .partition_of("p-three")
            .map(|p| p.dns_suffix.as_str()),
        Some("example")
    );
    assert_eq!(
        partitions.partition_of("elsewhere"),
        None,
        "no aws partition to fall back to"
    );

    let error = Partitions::from_json(
        r#"{"partitions": [{"id": "p", "regionRegex": "(", "regions": {}, "outputs": {}}]}"#,
    )
    .expect_err("a bad pattern");
    assert_eq!(error.path(), "partitions[0].regionRegex");
}
