//! The committed `openapi/openapi.json` is the contract: it must equal what the code generates.

use serde_json::Value;

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");

#[test]
fn openapi_document_is_up_to_date() {
    let generated = kinerja::openapi::to_pretty_json().unwrap();
    if std::env::var("KINERJA_UPDATE_OPENAPI").is_ok() {
        std::fs::write(COMMITTED, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}

fn spec() -> Value {
    serde_json::from_str(&kinerja::openapi::to_pretty_json().unwrap()).unwrap()
}

#[test]
fn every_secured_operation_documents_401_and_every_operation_a_summary() {
    let spec = spec();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
            if op.get("security").is_some() {
                assert!(
                    op["responses"].get("401").is_some(),
                    "{method} {path} lacks a 401 response"
                );
            }
        }
    }
}

#[test]
fn the_schema_states_the_validation_rules() {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    let login = &schemas["LoginRequest"]["properties"];
    assert_eq!(login["username"]["maxLength"], 64);
    assert_eq!(login["password"]["maxLength"], 128);
    let create = &schemas["CreateUser"]["properties"];
    assert_eq!(create["password"]["minLength"], 10);
    assert_eq!(create["username"]["pattern"], "^[A-Za-z0-9._-]+$");
    assert_eq!(create["username"]["minLength"], 3);
    assert_eq!(
        schemas["ChangePasswordRequest"]["properties"]["new_password"]["minLength"],
        10
    );
    let params = spec["paths"]["/api/v1/users"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let per_page = params.iter().find(|p| p["name"] == "per_page").unwrap();
    assert_eq!(per_page["schema"]["maximum"], 100);
    assert_eq!(per_page["schema"]["minimum"], 1);
    assert!(spec["components"]["securitySchemes"]["bearer"].is_object());
}

/// The contract crate's validator rules are the single source of the lengths the server
/// enforces: every text field with a `length(min = n)` rule states `min_length = n` in its
/// schema (or query parameter), so generated clients and Swagger UI know it.
#[test]
fn every_minimum_length_the_server_enforces_is_in_the_schema() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/src");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut block = String::new();
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with("#[") || (!block.is_empty() && !t.starts_with("pub ")) {
                block.push_str(t);
                continue;
            }
            let is_text = t.ends_with(": String,") || t.ends_with(": Option<String>,");
            if t.starts_with("pub ")
                && is_text
                && let Some(i) = block.find("length(min = ")
            {
                let n: String = block[i + 13..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if n != "0" && !block.contains(&format!("min_length = {n}")) {
                    missing.push(format!("{}: {t}", path.display()));
                }
            }
            block.clear();
        }
    }
    assert!(
        missing.is_empty(),
        "minimum lengths missing from the schema: {missing:#?}"
    );
    let schemas = &spec()["components"]["schemas"];
    assert_eq!(
        schemas["KoreksiEvaluasi"]["properties"]["alasan"]["minLength"],
        10
    );
    assert_eq!(
        schemas["TetapkanPredikatOrganisasi"]["properties"]["dasar"]["minLength"],
        10
    );
}

#[test]
fn every_schema_reference_resolves() {
    let spec = spec();
    let text = spec.to_string();
    let defined = spec["components"]["schemas"].as_object().unwrap();
    for part in text.split("#/components/schemas/").skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        assert!(
            defined.contains_key(&name),
            "unresolvable reference to {name}"
        );
    }
}

/// The names of the `ToSchema` types declared in `dir` (recursively), with their files: the
/// type's own name, or its `#[schema(as = …)]` alias.
fn schema_types(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            schema_types(&path, found);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // The attributes and doc comments since the previous item.
        let mut preamble = String::new();
        for line in text.lines() {
            let code = line.trim_start();
            let item = code
                .strip_prefix("pub ")
                .or_else(|| code.strip_prefix("pub(crate) "))
                .unwrap_or(code);
            let declared = item
                .strip_prefix("struct ")
                .or_else(|| item.strip_prefix("enum "))
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                });
            match declared {
                Some(name) if preamble.contains("ToSchema") => {
                    let alias = preamble
                        .lines()
                        .filter(|l| l.starts_with("#["))
                        .filter_map(|l| l.split("as = ").nth(1))
                        .next_back()
                        .map(|rest| {
                            let path: String = rest
                                .chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                                .collect();
                            path.rsplit("::").next().unwrap_or_default().to_owned()
                        });
                    found.push((alias.unwrap_or(name), path.display().to_string()));
                    preamble.clear();
                }
                Some(_) => preamble.clear(),
                None if code.starts_with("#[")
                    || code.starts_with("///")
                    || code.starts_with("//")
                    || !preamble.is_empty() && !code.starts_with('}') && !code.is_empty() =>
                {
                    preamble.push_str(code);
                    preamble.push('\n');
                }
                None => preamble.clear(),
            }
        }
    }
}

/// utoipa keys components by name and silently keeps the last of two types with the same
/// name, so one of them would be documented with the other's shape (the OAuth2 token answer
/// once stood in for the sign-in answer). Every schema type needs its own name.
#[test]
fn every_schema_name_belongs_to_one_type() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for dir in ["openapi/src", "backend/src"] {
        schema_types(&root.join(dir), &mut found);
    }
    assert!(
        found.iter().any(|(name, _)| name == "TokenResponse")
            && found.iter().any(|(name, _)| name == "LoginRequest"),
        "the scan finds the contract types: {found:?}"
    );
    let mut by_name: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (name, file) in &found {
        by_name.entry(name).or_default().push(file);
    }
    let duplicates: Vec<_> = by_name
        .iter()
        .filter(|(_, files)| files.len() > 1)
        .collect();
    assert!(
        duplicates.is_empty(),
        "schema names used by more than one type (rename one, or `#[schema(as = …)]`): {duplicates:?}"
    );
}
