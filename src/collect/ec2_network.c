/* ec2_network.c: security groups, VPCs + flow logs, network ACLs, subnets -> ec2 state. */
#include <string.h>

#include "collect/col_int.h"

static const char *ec2_arn(char *buf, size_t n, const struct col_ec2_ctx *c, const char *type, const char *id)
{
    return col_fmt(buf, n, "arn:%s:ec2:%s:%s:%s/%s", c->partition, c->region, c->account, type, id ? id : "");
}

static json_t *rule_base(json_t *perm, json_t *desc, const char *arn)
{
    json_t *r = col_obj(arn);
    const char *proto = col_s(perm, "ipProtocol");
    col_add_str(r, "protocol", proto, arn);
    if (!proto || strcmp(proto, "-1") != 0) {
        col_add_int_v(r, "fromport", json_object_get(perm, "fromPort"), arn);
        col_add_int_v(r, "toport", json_object_get(perm, "toPort"), arn);
    }
    col_add_str_v(r, "description", desc, arn);
    col_arr(r, "cidrs");
    return r;
}

/* One rule per range / group pair / prefix list of each permission. */
static void map_rules(json_t *out, json_t *perms, const char *arn)
{
    json_t *p, *x;
    size_t i, k;
    COL_ITEMS(perms, i, p) {
        COL_ITEMS(json_object_get(p, "ipRanges"), k, x) {
            json_t *r = rule_base(p, json_object_get(x, "description"), arn);
            col_add_str_list(r, "cidrs", json_object_get(x, "cidrIp"), arn);
            col_push(out, r);
        }
        COL_ITEMS(json_object_get(p, "ipv6Ranges"), k, x) {
            json_t *r = rule_base(p, json_object_get(x, "description"), arn);
            col_add_str_list(r, "cidrs", json_object_get(x, "cidrIpv6"), arn);
            col_push(out, r);
        }
        COL_ITEMS(json_object_get(p, "groups"), k, x) {
            json_t *r = rule_base(p, json_object_get(x, "description"), arn);
            col_add_str_v(r, "sourcesecuritygroupid", json_object_get(x, "groupId"), arn);
            col_push(out, r);
        }
        COL_ITEMS(json_object_get(p, "prefixListIds"), k, x) {
            json_t *r = rule_base(p, json_object_get(x, "description"), arn);
            col_add_str_v(r, "prefixlistid", json_object_get(x, "prefixListId"), arn);
            col_push(out, r);
        }
    }
}

json_t *col_ec2_map_sg(const struct col_ec2_ctx *c, json_t *sg)
{
    char arn[256];
    const char *id = col_s(sg, "groupId"), *name = col_s(sg, "groupName");
    ec2_arn(arn, sizeof arn, c, "security-group", id);
    json_t *o = col_obj(arn);
    col_add_str(o, "id", id, arn);
    col_add_str(o, "name", name, arn);
    col_add_str_v(o, "description", json_object_get(sg, "groupDescription"), arn);
    col_add_bool(o, "isdefault", name && strcmp(name, "default") == 0, arn);
    col_add_str_v(o, "vpcid", json_object_get(sg, "vpcId"), arn);
    map_rules(col_arr(o, "ingressrules"), json_object_get(sg, "ipPermissions"), arn);
    map_rules(col_arr(o, "egressrules"), json_object_get(sg, "ipPermissionsEgress"), arn);
    return o;
}

static void map_flowlogs(json_t *vpc, json_t *flowlogs, const char *vpcid, const char *arn)
{
    json_t *out = col_arr(vpc, "flowlogs"), *f;
    size_t i;
    COL_ITEMS(flowlogs, i, f) {
        const char *res = col_s(f, "resourceId");
        if (!res || !vpcid || strcmp(res, vpcid) != 0)
            continue;
        json_t *o = col_obj(arn);
        col_add_str_v(o, "id", json_object_get(f, "flowLogId"), arn);
        col_add_str_v(o, "status", json_object_get(f, "flowLogStatus"), arn);
        col_add_str_v(o, "traffictype", json_object_get(f, "trafficType"), arn);
        json_t *dest = json_object_get(f, "logDestination");
        col_add_str_v(o, "destination", col_blank(dest) ? json_object_get(f, "logGroupName") : dest, arn);
        col_push(out, o);
    }
    col_add_bool(vpc, "flowlogsenabled", json_array_size(out) > 0, arn);
}

void col_ec2_map_vpcs(json_t *state, const struct col_ec2_ctx *c, json_t *vpcs, json_t *flowlogs)
{
    json_t *out = col_arr(state, "vpcs"), *v;
    size_t i;
    COL_ITEMS(vpcs, i, v) {
        char arn[256];
        const char *id = col_s(v, "vpcId");
        ec2_arn(arn, sizeof arn, c, "vpc", id);
        json_t *o = col_obj(arn), *sgs = NULL, *sg;
        const char *key;
        col_add_str(o, "id", id, arn);
        col_add_bool(o, "isdefault", col_truthy(json_object_get(v, "isDefault")), arn);
        map_flowlogs(o, flowlogs, id, arn);
        sgs = col_arr(o, "securitygroups");
        json_object_foreach(c->sgs, key, sg) {
            const char *sv = json_string_value(json_object_get(json_object_get(sg, "vpcid"), "value"));
            if (sv && id && strcmp(sv, id) == 0)
                json_array_append(sgs, sg);
        }
        col_push(out, o);
    }
}

static json_t *map_acl_entry(json_t *e, const char *arn)
{
    json_t *r = col_obj(arn);
    col_add_str(r, "type", col_truthy(json_object_get(e, "egress")) ? "egress" : "ingress", arn);
    col_add_str_v(r, "action", json_object_get(e, "ruleAction"), arn);
    col_add_str_v(r, "protocol", json_object_get(e, "protocol"), arn);
    json_t *cidrs = col_arr(r, "cidrs");
    if (col_s(e, "cidrBlock"))
        col_push(cidrs, col_wrap(json_string(col_s(e, "cidrBlock")), arn));
    if (col_s(e, "ipv6CidrBlock"))
        col_push(cidrs, col_wrap(json_string(col_s(e, "ipv6CidrBlock")), arn));
    col_add_int_v(r, "fromport", aws_get(e, "portRange.from"), arn);
    col_add_int_v(r, "toport", aws_get(e, "portRange.to"), arn);
    col_add_int_v(r, "number", json_object_get(e, "ruleNumber"), arn);
    return r;
}

void col_ec2_map_nacls(json_t *state, const struct col_ec2_ctx *c, json_t *acls)
{
    json_t *out = col_arr(state, "networkacls"), *a, *e;
    size_t i, k;
    COL_ITEMS(acls, i, a) {
        char arn[256];
        const char *id = col_s(a, "networkAclId");
        ec2_arn(arn, sizeof arn, c, "network-acl", id);
        json_t *o = col_obj(arn);
        col_add_str(o, "id", id, arn);
        col_add_str_v(o, "vpcid", json_object_get(a, "vpcId"), arn);
        col_add_bool(o, "isdefaultrule", col_truthy(json_object_get(a, "default")), arn);
        json_t *rules = col_arr(o, "rules");
        COL_ITEMS(json_object_get(a, "entrySet"), k, e) col_push(rules, map_acl_entry(e, arn));
        col_push(out, o);
    }
}

void col_ec2_map_subnets(json_t *state, const struct col_ec2_ctx *c, json_t *subnets)
{
    json_t *out = col_arr(state, "subnets"), *s;
    size_t i;
    COL_ITEMS(subnets, i, s) {
        char buf[256];
        const char *id = col_s(s, "subnetId");
        const char *arn = col_s(s, "subnetArn") ? col_s(s, "subnetArn") : ec2_arn(buf, sizeof buf, c, "subnet", id);
        json_t *o = col_obj(arn);
        col_add_str(o, "id", id, arn);
        col_add_str_v(o, "vpcid", json_object_get(s, "vpcId"), arn);
        col_add_bool_v(o, "mappubliciponlaunch", json_object_get(s, "mapPublicIpOnLaunch"), arn);
        col_push(out, o);
    }
}

/* DescribeRouteTables: ec2.routetables[], each with its routes and subnet associations. */
void col_ec2_map_route_tables(json_t *state, const struct col_ec2_ctx *c, json_t *tables)
{
    json_t *out = col_arr(state, "routetables"), *t, *x;
    size_t i, k;
    COL_ITEMS(tables, i, t) {
        char arn[256];
        const char *id = col_s(t, "routeTableId");
        if (!id)
            continue;
        ec2_arn(arn, sizeof arn, c, "route-table", id);
        json_t *o = col_obj(arn), *routes = col_arr(o, "routes"), *assoc = col_arr(o, "associations");
        col_add_str(o, "arn", arn, arn);
        col_add_str(o, "id", id, arn);
        col_add_str_v(o, "vpcid", json_object_get(t, "vpcId"), arn);
        COL_ITEMS(json_object_get(t, "routeSet"), k, x) {
            static const char *const keys[][2] = {
                {"destinationCidrBlock", "destinationcidrblock"}, {"destinationIpv6CidrBlock", "destinationipv6cidrblock"},
                {"destinationPrefixListId", "destinationprefixlistid"}, {"gatewayId", "gatewayid"},
                {"vpcPeeringConnectionId", "vpcpeeringconnectionid"}, {"transitGatewayId", "transitgatewayid"},
                {"natGatewayId", "natgatewayid"}, {"instanceId", "instanceid"},
                {"networkInterfaceId", "networkinterfaceid"}, {"state", "state"}, {"origin", "origin"}};
            json_t *r = col_obj(arn);
            for (size_t j = 0; j < sizeof keys / sizeof keys[0]; j++)
                col_add_str_v(r, keys[j][1], json_object_get(x, keys[j][0]), arn);
            col_push(routes, r);
        }
        COL_ITEMS(json_object_get(t, "associationSet"), k, x) {
            json_t *a = col_obj(arn);
            col_add_str_v(a, "subnetid", json_object_get(x, "subnetId"), arn);
            col_add_str_v(a, "gatewayid", json_object_get(x, "gatewayId"), arn);
            col_add_bool(a, "main", col_truthy(json_object_get(x, "main")), arn);
            col_push(assoc, a);
        }
        col_push(out, o);
    }
}

static json_t *peer_side(json_t *info, const char *arn)
{
    json_t *o = col_obj(arn), *cidrs = col_arr(o, "cidrblocks"), *x;
    size_t k;
    col_add_str_v(o, "vpcid", json_object_get(info, "vpcId"), arn);
    col_add_str_v(o, "ownerid", json_object_get(info, "ownerId"), arn);
    col_add_str_v(o, "region", json_object_get(info, "region"), arn);
    col_add_str_v(o, "cidrblock", json_object_get(info, "cidrBlock"), arn);
    COL_ITEMS(json_object_get(info, "cidrBlockSet"), k, x) col_push(cidrs, col_wrap(col_str(col_s(x, "cidrBlock")), arn));
    COL_ITEMS(json_object_get(info, "ipv6CidrBlockSet"), k, x)
        col_push(cidrs, col_wrap(col_str(col_s(x, "ipv6CidrBlock")), arn));
    if (json_array_size(cidrs) == 0 && col_s(info, "cidrBlock"))
        col_push(cidrs, col_wrap(col_str(col_s(info, "cidrBlock")), arn));
    return o;
}

/* DescribeVpcPeeringConnections: ec2.vpcpeeringconnections[] with both sides' VPC and CIDRs. */
void col_ec2_map_peerings(json_t *state, const struct col_ec2_ctx *c, json_t *pcxs)
{
    json_t *out = col_arr(state, "vpcpeeringconnections"), *p;
    size_t i;
    COL_ITEMS(pcxs, i, p) {
        char arn[256];
        const char *id = col_s(p, "vpcPeeringConnectionId");
        if (!id)
            continue;
        ec2_arn(arn, sizeof arn, c, "vpc-peering-connection", id);
        json_t *o = col_obj(arn);
        col_add_str(o, "arn", arn, arn);
        col_add_str(o, "id", id, arn);
        col_add_str_v(o, "status", aws_get(p, "status.code"), arn);
        col_set(o, "requestervpc", peer_side(json_object_get(p, "requesterVpcInfo"), arn));
        col_set(o, "acceptervpc", peer_side(json_object_get(p, "accepterVpcInfo"), arn));
        col_push(out, o);
    }
}
