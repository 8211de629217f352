//! Turns a scenario step's `call` and `args` into an SDK call, and its result into JSON.

use cloudnexus::types::{
    ActionListParams, AttachVolume, CreateBackupPolicy, CreateFirewall, CreateInstance,
    CreateLoadBalancer, CreateNetwork, CreateSnapshot, CreateSshKey, CreateVolume, CreateVpc,
    CreateWebhook, ImageListParams, InstanceListParams, ListParams, MetricsParams, ResizeInstance,
    ResizeVolume, SnapshotListParams, UpdateBackupPolicy, UpdateFirewall, UpdateLoadBalancer,
    UpdateVpc, VpcListParams,
};
use cloudnexus::{CatalogResource, Client, Error, RequestOptions};
use futures::TryStreamExt;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// One step's call.
pub struct Call<'a> {
    /// `<resource>.<operation>`.
    pub name: &'a str,
    pub args: &'a Value,
    pub wait: bool,
    pub idempotency_key: Option<&'a str>,
}

/// Runs the call; the result as JSON, the way the API would show it.
pub async fn run(client: &Client, call: Call<'_>) -> Result<Value, Error> {
    let (resource, operation) = call
        .name
        .split_once('.')
        .expect("call is <resource>.<operation>");
    let args = call.args;
    let id = || {
        args["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: args.id", call.name))
            .to_owned()
    };
    let options = RequestOptions {
        idempotency_key: call.idempotency_key.map(str::to_owned),
    };
    match (resource, operation, call.wait) {
        ("account", "retrieve", _) => json(client.account().retrieve().await),
        ("regions", ..) => catalog_call(client.regions(), operation, args).await,
        ("plans", ..) => catalog_call(client.plans(), operation, args).await,
        ("images", "retrieve", _) => json(client.images().retrieve(&id()).await),
        ("images", "list_page", _) => {
            json(client.images().list(&body::<ImageListParams>(args)).await)
        }
        ("images", "list_all", _) => json(
            client
                .images()
                .list_all(body(args))
                .try_collect::<Vec<_>>()
                .await,
        ),
        ("ssh_keys", "create", _) => json(
            client
                .ssh_keys()
                .create_with(&body::<CreateSshKey>(args), options)
                .await,
        ),
        ("ssh_keys", "retrieve", _) => json(client.ssh_keys().retrieve(&id()).await),
        ("instances", "create", false) => json(
            client
                .instances()
                .create_with(&body::<CreateInstance>(args), options)
                .await,
        ),
        ("instances", "create", true) => json(
            client
                .instances()
                .create_and_wait(&body::<CreateInstance>(args))
                .await,
        ),
        ("instances", "retrieve", _) => json(client.instances().retrieve(&id()).await),
        ("instances", "list_page", _) => json(
            client
                .instances()
                .list(&body::<InstanceListParams>(args))
                .await,
        ),
        ("instances", "list_all", _) => json(
            client
                .instances()
                .list_all(body(args))
                .try_collect::<Vec<_>>()
                .await,
        ),
        ("instances", "restart", false) => json(client.instances().restart(&id()).await),
        ("instances", "restart", true) => json(client.instances().restart_and_wait(&id()).await),
        ("instances", "stop", false) => json(client.instances().stop(&id()).await),
        ("instances", "stop", true) => json(client.instances().stop_and_wait(&id()).await),
        ("instances", "start", false) => json(client.instances().start(&id()).await),
        ("instances", "start", true) => json(client.instances().start_and_wait(&id()).await),
        ("instances", "resize", false) => json(
            client
                .instances()
                .resize(&id(), &body::<ResizeInstance>(args))
                .await,
        ),
        ("instances", "resize", true) => json(
            client
                .instances()
                .resize_and_wait(&id(), &body::<ResizeInstance>(args))
                .await,
        ),
        ("instances", "delete", false) => json(client.instances().delete(&id()).await),
        ("instances", "delete", true) => json(client.instances().delete_and_wait(&id()).await),
        ("instances", "metrics", _) => json(
            client
                .instances()
                .metrics(&id(), &body::<MetricsParams>(args))
                .await,
        ),
        ("instances", "console", _) => json(client.instances().console(&id()).await),
        ("instances", "firewall_rules", _) => json(client.instances().firewall_rules(&id()).await),
        ("vpcs", "create", _) => json(
            client
                .vpcs()
                .create_with(&body::<CreateVpc>(args), options)
                .await,
        ),
        ("vpcs", "update", _) => json(client.vpcs().update(&id(), &body::<UpdateVpc>(args)).await),
        ("vpcs", "retrieve", _) => json(client.vpcs().retrieve(&id()).await),
        ("vpcs", "delete", _) => json(client.vpcs().delete(&id()).await),
        ("vpcs", "list_all", _) => json(
            client
                .vpcs()
                .list_all(body::<VpcListParams>(args))
                .try_collect::<Vec<_>>()
                .await,
        ),
        ("networks", "create", _) => json(
            client
                .networks()
                .create_with(&body::<CreateNetwork>(args), options)
                .await,
        ),
        ("networks", "retrieve", _) => json(client.networks().retrieve(&id()).await),
        ("networks", "delete", _) => json(client.networks().delete(&id()).await),
        ("firewalls", "create", _) => json(
            client
                .firewalls()
                .create_with(&body::<CreateFirewall>(args), options)
                .await,
        ),
        ("firewalls", "replace", _) => json(
            client
                .firewalls()
                .replace(&id(), &body::<UpdateFirewall>(args))
                .await,
        ),
        ("firewalls", "delete", _) => json(client.firewalls().delete(&id()).await),
        ("volumes", "create", false) => json(
            client
                .volumes()
                .create_with(&body::<CreateVolume>(args), options)
                .await,
        ),
        ("volumes", "create", true) => json(
            client
                .volumes()
                .create_and_wait(&body::<CreateVolume>(args))
                .await,
        ),
        ("volumes", "retrieve", _) => json(client.volumes().retrieve(&id()).await),
        ("volumes", "attach", false) => json(
            client
                .volumes()
                .attach(&id(), &body::<AttachVolume>(args))
                .await,
        ),
        ("volumes", "attach", true) => json(
            client
                .volumes()
                .attach_and_wait(&id(), &body::<AttachVolume>(args))
                .await,
        ),
        ("volumes", "detach", false) => json(client.volumes().detach(&id()).await),
        ("volumes", "detach", true) => json(client.volumes().detach_and_wait(&id()).await),
        ("volumes", "resize", false) => json(
            client
                .volumes()
                .resize(&id(), &body::<ResizeVolume>(args))
                .await,
        ),
        ("volumes", "resize", true) => json(
            client
                .volumes()
                .resize_and_wait(&id(), &body::<ResizeVolume>(args))
                .await,
        ),
        ("volumes", "snapshot", false) => json(
            client
                .volumes()
                .snapshot_with(&id(), &body::<CreateSnapshot>(args), options)
                .await,
        ),
        ("volumes", "snapshot", true) => json(
            client
                .volumes()
                .snapshot_and_wait(&id(), &body::<CreateSnapshot>(args))
                .await,
        ),
        ("volumes", "delete", false) => json(client.volumes().delete(&id()).await),
        ("volumes", "delete", true) => json(client.volumes().delete_and_wait(&id()).await),
        ("snapshots", "list_all", _) => json(
            client
                .snapshots()
                .list_all(body::<SnapshotListParams>(args))
                .try_collect::<Vec<_>>()
                .await,
        ),
        ("snapshots", "delete", false) => json(client.snapshots().delete(&id()).await),
        ("snapshots", "delete", true) => json(client.snapshots().delete_and_wait(&id()).await),
        ("load_balancers", "create", false) => json(
            client
                .load_balancers()
                .create_with(&body::<CreateLoadBalancer>(args), options)
                .await,
        ),
        ("load_balancers", "create", true) => json(
            client
                .load_balancers()
                .create_and_wait(&body::<CreateLoadBalancer>(args))
                .await,
        ),
        ("load_balancers", "retrieve", _) => json(client.load_balancers().retrieve(&id()).await),
        ("load_balancers", "update", false) => json(
            client
                .load_balancers()
                .update(&id(), &body::<UpdateLoadBalancer>(args))
                .await,
        ),
        ("load_balancers", "update", true) => json(
            client
                .load_balancers()
                .update_and_wait(&id(), &body::<UpdateLoadBalancer>(args))
                .await,
        ),
        ("load_balancers", "delete", false) => json(client.load_balancers().delete(&id()).await),
        ("load_balancers", "delete", true) => {
            json(client.load_balancers().delete_and_wait(&id()).await)
        }
        ("backup_policies", "create", _) => json(
            client
                .backup_policies()
                .create_with(&body::<CreateBackupPolicy>(args), options)
                .await,
        ),
        ("backup_policies", "update", _) => json(
            client
                .backup_policies()
                .update(&id(), &body::<UpdateBackupPolicy>(args))
                .await,
        ),
        ("backup_policies", "delete", _) => json(client.backup_policies().delete(&id()).await),
        ("webhooks", "create", _) => json(
            client
                .webhooks()
                .create_with(&body::<CreateWebhook>(args), options)
                .await,
        ),
        ("webhooks", "test", _) => json(client.webhooks().test(&id()).await),
        ("webhooks", "deliveries", _) => json(
            client
                .webhooks()
                .deliveries_all(&id(), body::<ListParams>(args))
                .try_collect::<Vec<_>>()
                .await,
        ),
        ("webhooks", "delete", _) => json(client.webhooks().delete(&id()).await),
        ("actions", "retrieve", _) => json(client.actions().retrieve(&id()).await),
        ("actions", "list_page", _) => {
            json(client.actions().list(&body::<ActionListParams>(args)).await)
        }
        ("actions", "list_all", _) => json(
            client
                .actions()
                .list_all(body(args))
                .try_collect::<Vec<_>>()
                .await,
        ),
        _ => panic!(
            "the runner does not know {} (wait: {})",
            call.name, call.wait
        ),
    }
}

/// Regions, plans and images answer the same operations.
async fn catalog_call<T>(
    catalog: CatalogResource<'_, T>,
    operation: &str,
    args: &Value,
) -> Result<Value, Error>
where
    T: DeserializeOwned + Serialize + Send + 'static,
{
    match operation {
        "retrieve" => json(
            catalog
                .retrieve(args["id"].as_str().expect("args.id"))
                .await,
        ),
        "list_page" => json(catalog.list(&body::<ListParams>(args)).await),
        "list_all" => json(catalog.list_all(body(args)).try_collect::<Vec<_>>().await),
        _ => panic!("catalogs have no operation {operation}"),
    }
}

/// The step's args as a request type (extra fields such as the path `id` are ignored).
fn body<T: DeserializeOwned>(args: &Value) -> T {
    let object = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args.clone()
    };
    serde_json::from_value(object)
        .unwrap_or_else(|e| panic!("args {args} do not fit the request type: {e}"))
}

fn json<T: Serialize>(result: Result<T, Error>) -> Result<Value, Error> {
    result.map(|value| serde_json::to_value(value).expect("SDK types serialize"))
}
