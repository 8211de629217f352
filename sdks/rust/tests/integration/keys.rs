//! SSH keys and API keys against the real test server.

use cloudnexus::types::{
    ApiKey, CreateApiKey, CreateSshKey, GracePeriod, ListParams, RotateApiKey,
};
use cloudnexus::{Error, RequestOptions};
use futures::TryStreamExt;

use crate::support::{client, client_with_key, SSH_KEY_A};

#[tokio::test]
async fn ssh_key_create_retrieve_list_delete() {
    let client = client();
    let body = CreateSshKey {
        name: "rust-sdk laptop".into(),
        public_key: SSH_KEY_A.into(),
    };
    let options = RequestOptions::idempotency_key("rust-sdk-ssh-key-1");

    let key = client
        .ssh_keys()
        .create_with(&body, options.clone())
        .await
        .unwrap();
    assert!(key.id.starts_with("ssh_"));
    assert_eq!((key.r#type.as_str(), key.bits), ("ssh-ed25519", 256));
    assert!(key.fingerprint.starts_with("SHA256:"));

    let replayed = client.ssh_keys().create_with(&body, options).await.unwrap();
    assert_eq!(
        replayed.id, key.id,
        "the same Idempotency-Key replays the first create"
    );

    assert_eq!(client.ssh_keys().retrieve(&key.id).await.unwrap(), key);
    let listed: Vec<_> = client
        .ssh_keys()
        .list_all(ListParams::default())
        .try_collect()
        .await
        .unwrap();
    assert!(listed.contains(&key));

    client.ssh_keys().delete(&key.id).await.unwrap();
    let gone = client.ssh_keys().retrieve(&key.id).await.unwrap_err();
    assert!(matches!(gone, Error::NotFound(_)), "{gone:?}");
}

#[tokio::test]
async fn api_key_scopes_are_enforced_and_revoked_keys_stop_working() {
    let client = client();
    let created = client
        .api_keys()
        .create(&CreateApiKey {
            name: "rust-sdk read regions".into(),
            scopes: Some(vec!["regions:read".into()]),
            ..CreateApiKey::default()
        })
        .await
        .unwrap();
    let secret = created.secret.expect("the secret is shown on create");
    assert!(secret.starts_with("cnx_live_"));
    assert_eq!(created.key.scopes, vec!["regions:read"]);
    assert_eq!(created.key.status, "active");

    let limited = client_with_key(&secret);
    limited.regions().retrieve("us-east-1").await.unwrap();
    let denied = limited
        .instances()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&denied, Error::PermissionDenied(e) if e.status == 403),
        "{denied:?}"
    );

    // Using the key is recorded; everything else is as created.
    let fetched = client.api_keys().retrieve(&created.key.id).await.unwrap();
    assert!(fetched.last_used_at.is_some(), "{fetched:?}");
    assert_eq!(
        ApiKey {
            last_used_at: None,
            ..fetched
        },
        created.key
    );
    let page = client
        .api_keys()
        .list(&ListParams::limit(100))
        .await
        .unwrap();
    assert!(page.data.iter().any(|k| k.id == created.key.id));

    let revoked = client.api_keys().revoke(&created.key.id).await.unwrap();
    assert_eq!(revoked.status, "revoked");
    assert!(revoked.revoked_at.is_some());
    let refused = limited.regions().retrieve("us-east-1").await.unwrap_err();
    assert!(matches!(refused, Error::Authentication(_)), "{refused:?}");
}

#[tokio::test]
async fn rotate_without_grace_ends_the_old_secret_at_once() {
    let client = client();
    let created = client
        .api_keys()
        .create(&CreateApiKey {
            name: "rust-sdk rotate".into(),
            scopes: Some(vec!["regions:read".into()]),
            ..Default::default()
        })
        .await
        .unwrap();
    let old_secret = created.secret.unwrap();
    let rotated = client
        .api_keys()
        .rotate(
            &created.key.id,
            &RotateApiKey {
                grace_period: GracePeriod::None,
            },
        )
        .await
        .unwrap();
    assert_ne!(rotated.key.id, created.key.id);
    assert_eq!(rotated.key.scopes, vec!["regions:read"]);
    let new_secret = rotated.secret.unwrap();
    client_with_key(&new_secret)
        .regions()
        .retrieve("us-east-1")
        .await
        .unwrap();
    let refused = client_with_key(&old_secret)
        .regions()
        .retrieve("us-east-1")
        .await
        .unwrap_err();
    assert!(matches!(refused, Error::Authentication(_)), "{refused:?}");
    let old = client.api_keys().retrieve(&created.key.id).await.unwrap();
    assert_eq!(old.replaced_by, Some(rotated.key.id));
}
