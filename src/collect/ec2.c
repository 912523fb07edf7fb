/* ec2.c: the EC2 collector: instances, volumes, launch templates, EBS default; network in ec2_network.c. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

static const char *ec2_arn(char *buf, size_t n, const struct col_ec2_ctx *c, const char *type, const char *id)
{
    return col_fmt(buf, n, "arn:%s:ec2:%s:%s:%s/%s", c->partition, c->region, c->account, type, id ? id : "");
}

static const char *res_arn(json_t *o)
{
    return json_string_value(json_object_get(json_object_get(o, "__defsec_metadata"), "resource"));
}

static int has_sg(json_t *arr, json_t *sg)
{
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x) if (x == sg) return 1;
    return 0;
}

static void add_sgs(json_t *o, const struct col_ec2_ctx *c, json_t *list, const char *idkey)
{
    json_t *out = col_arr(o, "securitygroups"), *g;
    size_t i;
    COL_ITEMS(list, i, g) {
        const char *id = idkey ? col_s(g, idkey) : json_string_value(g);
        json_t *sg = id ? json_object_get(c->sgs, id) : NULL;
        if (sg && !has_sg(out, sg))
            json_array_append(out, sg);
    }
}

static json_t *map_metadata_options(json_t *mo, const char *arn)
{
    json_t *o = col_obj(arn);
    col_add_str_v(o, "httptokens", json_object_get(mo, "httpTokens"), arn);
    col_add_str_v(o, "httpendpoint", json_object_get(mo, "httpEndpoint"), arn);
    return o;
}

static void map_block_devices(json_t *o, const struct col_ec2_ctx *c, json_t *inst, const char *arn)
{
    const char *root = col_s(inst, "rootDeviceName");
    json_t *ebs = col_arr(o, "ebsblockdevices"), *m;
    size_t i;
    COL_ITEMS(json_object_get(inst, "blockDeviceMapping"), i, m) {
        const char *dev = col_s(m, "deviceName"), *vol = col_s(m, "ebs.volumeId");
        json_t *v = vol ? json_object_get(c->volumes, vol) : NULL;
        json_t *d = col_obj(arn);
        col_add_bool_v(d, "encrypted", json_object_get(v, "encrypted"), arn);
        col_add_str(d, "devicename", dev, arn);
        col_add_str(d, "volumeid", vol, arn);
        if (root && dev && strcmp(root, dev) == 0 && !json_object_get(o, "rootblockdevice"))
            col_set(o, "rootblockdevice", d);
        else
            col_push(ebs, d);
    }
}

json_t *col_ec2_map_instance(const struct col_ec2_ctx *c, json_t *inst)
{
    char arn[256];
    const char *id = col_s(inst, "instanceId");
    ec2_arn(arn, sizeof arn, c, "instance", id);
    json_t *o = col_obj(arn);
    col_add_str(o, "id", id, arn);
    col_add_str_v(o, "state", aws_get(inst, "instanceState.name"), arn);
    col_add_str_v(o, "vpcid", json_object_get(inst, "vpcId"), arn);
    col_add_str_v(o, "subnetid", json_object_get(inst, "subnetId"), arn);
    col_add_str_v(o, "imageid", json_object_get(inst, "imageId"), arn);
    col_add_str_v(o, "iaminstanceprofile", aws_get(inst, "iamInstanceProfile.arn"), arn);
    col_add_str_v(o, "publicipaddress", json_object_get(inst, "ipAddress"), arn);
    col_set(o, "metadataoptions", map_metadata_options(json_object_get(inst, "metadataOptions"), arn));
    map_block_devices(o, c, inst, arn);
    add_sgs(o, c, json_object_get(inst, "groupSet"), "groupId");
    json_t *eni; /* moto lists the groups only on the network interfaces */
    size_t i;
    COL_ITEMS(json_object_get(inst, "networkInterfaceSet"), i, eni)
        add_sgs(o, c, json_object_get(eni, "groupSet"), "groupId");
    return o;
}

void col_ec2_map_userdata(json_t *o, json_t *resp)
{
    const char *b64 = col_s(resp, "DescribeInstanceAttributeResponse.userData.value");
    char *txt = b64 && *b64 ? col_base64_decode(b64, NULL) : NULL;
    col_add_secret_text(o, "userdata", txt, res_arn(o));
    free(txt);
}

json_t *col_ec2_map_volume(const struct col_ec2_ctx *c, json_t *vol)
{
    char arn[256];
    const char *id = col_s(vol, "volumeId");
    ec2_arn(arn, sizeof arn, c, "volume", id);
    json_t *o = col_obj(arn), *e = col_obj(arn);
    col_add_str(o, "id", id, arn);
    col_add_bool(e, "enabled", col_truthy(json_object_get(vol, "encrypted")), arn);
    col_add_str_v(e, "kmskeyid", json_object_get(vol, "kmsKeyId"), arn);
    col_set(o, "encryption", e);
    return o;
}

json_t *col_ec2_map_template(const struct col_ec2_ctx *c, json_t *tpl, json_t *version)
{
    char arn[256];
    const char *id = col_s(tpl, "launchTemplateId");
    ec2_arn(arn, sizeof arn, c, "launch-template", id);
    json_t *o = col_obj(arn), *inst = col_obj(arn), *m;
    json_t *data = json_object_get(version, "launchTemplateData");
    size_t i;
    col_add_str(o, "id", id, arn);
    col_add_str_v(o, "name", json_object_get(tpl, "launchTemplateName"), arn);
    col_add_int_v(o, "defaultversion", json_object_get(tpl, "defaultVersionNumber"), arn);
    json_t *mo = json_object_get(data, "metadataOptions");
    if (json_is_object(mo))
        col_set(inst, "metadataoptions", map_metadata_options(mo, arn));
    const char *ud = col_s(data, "userData");
    char *txt = ud && *ud ? col_base64_decode(ud, NULL) : NULL;
    col_add_secret_text(inst, "userdata", txt, arn);
    free(txt);
    json_t *prof = aws_get(data, "iamInstanceProfile.arn");
    col_add_str_v(inst, "iaminstanceprofile", prof ? prof : aws_get(data, "iamInstanceProfile.name"), arn);
    add_sgs(inst, c, json_object_get(data, "securityGroupIdSet"), NULL);
    json_t *ebs = col_arr(inst, "ebsblockdevices");
    COL_ITEMS(json_object_get(data, "blockDeviceMappingSet"), i, m) {
        json_t *d = col_obj(arn);
        col_add_bool_v(d, "encrypted", aws_get(m, "ebs.encrypted"), arn);
        col_add_str_v(d, "devicename", json_object_get(m, "deviceName"), arn);
        col_push(ebs, d);
    }
    col_set(o, "instance", inst);
    return o;
}

void col_ec2_map_ebs_default(json_t *state, const struct col_ec2_ctx *c, json_t *resp)
{
    char arn[200];
    col_fmt(arn, sizeof arn, "arn:%s:ec2:%s:%s:ebs-encryption-by-default", c->partition, c->region, c->account);
    json_t *o = col_obj(arn);
    col_add_bool_v(o, "enabled", aws_get(resp, "GetEbsEncryptionByDefaultResponse.ebsEncryptionByDefault"), arn);
    col_set(state, "ebsencryptionbydefault", o);
}
