//! The Rust SDK from its packaged crate (see README.md).
use cloudnexus::types::{CreateInstance, ListParams};
use futures::TryStreamExt;

#[tokio::main]
async fn main() -> Result<(), cloudnexus::Error> {
    let client = cloudnexus::Client::from_env()?;
    let regions: Vec<_> = client.regions().list_all(ListParams::default()).try_collect().await?;
    let instance = client
        .instances()
        .create_and_wait(&CreateInstance {
            name: "smoke-rust".into(),
            region: "eu-central-1".into(),
            plan: "micro".into(),
            image: "debian-12".into(),
            ..Default::default()
        })
        .await?;
    let status = format!("{:?}", instance.status).to_lowercase();
    println!("{{\"regions\":{},\"status\":\"{}\"}}", regions.len(), status.trim_matches('"'));
    Ok(())
}
