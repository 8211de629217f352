//! Account and the catalogs (regions, plans, images) against the real test server.

use std::collections::HashSet;

use cloudnexus::types::{ImageListParams, ListParams};
use futures::TryStreamExt;

use crate::support::{client, server};

#[tokio::test]
async fn account_is_the_test_servers_enterprise_account() {
    let account = client().account().retrieve().await.unwrap();

    assert_eq!(account.id, server().account_id);
    assert_eq!(account.tier, "enterprise");
    assert_eq!(account.rate_limit, 100_000);
    assert!(account.quotas.instances.limit >= account.quotas.instances.used);
}

#[tokio::test]
async fn region_pages_follow_the_cursor_and_list_all_walks_every_page() {
    let client = client();
    let first = client.regions().list(&ListParams::limit(5)).await.unwrap();
    assert_eq!(first.data.len(), 5);
    let cursor = first
        .next_cursor()
        .expect("more regions than one page")
        .to_owned();
    let second = client
        .regions()
        .list(&ListParams {
            limit: Some(5),
            cursor: Some(cursor),
        })
        .await
        .unwrap();
    assert_eq!(second.data.len(), 5);
    assert!(
        second.data.iter().all(|r| !first.data.contains(r)),
        "the second page moves on"
    );

    // Pages of 7 do not divide 59 regions: the last page is partial and ends the stream.
    let all: Vec<_> = client
        .regions()
        .list_all(ListParams::limit(7))
        .try_collect()
        .await
        .unwrap();
    let ids: HashSet<_> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "no region twice");
    assert!(all.len() >= 50, "got {}", all.len());
    assert!(ids.contains("us-east-1") && ids.contains(first.data[0].id.as_str()));
}

#[tokio::test]
async fn catalog_entries_are_retrieved_by_id() {
    let client = client();

    let region = client.regions().retrieve("us-east-1").await.unwrap();
    assert_eq!(
        (region.id.as_str(), region.country.as_str()),
        ("us-east-1", "US")
    );

    let plan = client.plans().retrieve("standard-4").await.unwrap();
    assert_eq!((plan.cpu, plan.memory_gb), (4, 16.0));
    assert!(plan.price_monthly > plan.price_hourly);

    let image = client.images().retrieve("debian-12").await.unwrap();
    assert_eq!(image.distribution, "debian");
}

#[tokio::test]
async fn plans_and_images_list_all_include_what_retrieve_finds() {
    let client = client();

    let plans: Vec<_> = client
        .plans()
        .list_all(ListParams::default())
        .try_collect()
        .await
        .unwrap();
    assert!(plans.iter().any(|p| p.id == "micro") && plans.iter().any(|p| p.id == "standard-2"));

    let images = client
        .images()
        .list(&ImageListParams {
            limit: Some(100),
            ..ImageListParams::default()
        })
        .await
        .unwrap();
    assert!(images.data.iter().any(|i| i.id == "debian-12"));
    assert!(
        images.next_cursor().is_none(),
        "every image fits one page of 100"
    );
}
