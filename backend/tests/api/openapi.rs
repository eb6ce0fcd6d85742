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
