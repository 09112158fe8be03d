"""The sandbox never invents a thing (issue 20 item 7): whatever was never created, or was
deleted, is the model's not-found error, for every kind of thing, through boto3 (a real SDK
reading the errors as AWS sends them); what was created answers as it was created."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from sandbox_helpers import make_client

NOT_FOUND = {"pinpoint": "NotFoundException", "pinpoint-email": "NotFoundException",
             "pinpoint-sms-voice-v2": "ResourceNotFoundException", "pinpoint-sms-voice": "NotFoundException"}


def missing(client, call, **params) -> str:
    with pytest.raises(ClientError) as caught:
        getattr(client, call)(**params)
    return caught.value.response["Error"]["Code"]


@pytest.fixture
def email(sandbox):
    return make_client(sandbox.url, "pinpoint-email")


@pytest.fixture
def sms(sandbox):
    return make_client(sandbox.url, "pinpoint-sms-voice-v2")


def test_things_never_created_are_not_found(client, email, sms):
    probes = [
        (email, "get_email_identity", {"EmailIdentity": "never.example.com"}),
        (email, "get_configuration_set", {"ConfigurationSetName": "never"}),
        (email, "get_configuration_set_event_destinations", {"ConfigurationSetName": "never"}),
        (email, "get_dedicated_ip", {"Ip": "192.0.2.1"}),
        (email, "get_deliverability_test_report", {"ReportId": "never"}),
        (email, "get_domain_deliverability_campaign", {"CampaignId": "never"}),
        (email, "list_tags_for_resource", {"ResourceArn": "arn:aws:ses:us-east-1:123456789012:identity/never.example.com"}),
        (email, "delete_dedicated_ip_pool", {"PoolName": "never"}),
        (client, "get_sms_template", {"TemplateName": "never"}),
        (client, "get_push_template", {"TemplateName": "never"}),
        (client, "get_voice_template", {"TemplateName": "never"}),
        (sms, "describe_registrations", {"RegistrationIds": ["registration-never"]}),
        (sms, "delete_notify_configuration", {"NotifyConfigurationId": "notify-never"}),
        (sms, "get_resource_policy", {"ResourceArn": "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-never"}),
        (sms, "put_message_feedback", {"MessageId": "never", "MessageFeedbackStatus": "RECEIVED"}),
        (sms, "describe_rcs_agents", {"RcsAgentIds": ["rcs-never"]}),
    ]
    answered = {call: missing(c, call, **params) for c, call, params in probes}
    assert answered == {call: NOT_FOUND[c.meta.service_model.service_name] for c, call, _ in probes}


def test_lists_of_nothing_created_are_empty(email, sms):
    assert email.list_email_identities()["EmailIdentities"] == [] or all(
        i["IdentityName"] != "never.example.com" for i in email.list_email_identities()["EmailIdentities"])
    assert email.get_dedicated_ips()["DedicatedIps"] == []
    assert sms.describe_notify_configurations()["NotifyConfigurations"] == []


def test_an_email_identity_is_what_was_created_and_gone_after_delete(email):
    email.create_email_identity(EmailIdentity="kept.example.com", Tags=[{"Key": "team", "Value": "a"}])
    email.create_email_identity(EmailIdentity="someone@kept.example.com")
    domain = email.get_email_identity(EmailIdentity="kept.example.com")
    assert domain["IdentityType"] == "DOMAIN"
    assert email.get_email_identity(EmailIdentity="someone@kept.example.com")["IdentityType"] == "EMAIL_ADDRESS"
    arn = "arn:aws:ses:us-east-1:123456789012:identity/kept.example.com"
    assert email.list_tags_for_resource(ResourceArn=arn)["Tags"] == [{"Key": "team", "Value": "a"}]
    email.untag_resource(ResourceArn=arn, TagKeys=["team"])
    assert email.list_tags_for_resource(ResourceArn=arn)["Tags"] == []
    names = {i["IdentityName"]: i["IdentityType"] for i in email.list_email_identities()["EmailIdentities"]}
    assert names["kept.example.com"] == "DOMAIN"
    with pytest.raises(ClientError) as again:
        email.create_email_identity(EmailIdentity="kept.example.com")
    assert again.value.response["Error"]["Code"] == "BadRequestException"  # the errors its model declares
    email.delete_email_identity(EmailIdentity="kept.example.com")
    assert missing(email, "get_email_identity", EmailIdentity="kept.example.com") == "NotFoundException"
    assert missing(email, "delete_email_identity", EmailIdentity="kept.example.com") == "NotFoundException"


def test_a_configuration_set_and_its_event_destinations(email):
    email.create_configuration_set(ConfigurationSetName="flow", DeliveryOptions={"TlsPolicy": "REQUIRE"})
    email.put_configuration_set_delivery_options(ConfigurationSetName="flow", TlsPolicy="OPTIONAL")
    assert email.get_configuration_set(ConfigurationSetName="flow")["DeliveryOptions"]["TlsPolicy"] == "OPTIONAL"
    destination = {"Enabled": True, "MatchingEventTypes": ["SEND"], "SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"}}
    email.create_configuration_set_event_destination(ConfigurationSetName="flow", EventDestinationName="d1", EventDestination=destination)
    [found] = email.get_configuration_set_event_destinations(ConfigurationSetName="flow")["EventDestinations"]
    assert found["Name"] == "d1" and found["MatchingEventTypes"] == ["SEND"]
    assert "flow" in email.list_configuration_sets()["ConfigurationSets"]
    email.delete_configuration_set(ConfigurationSetName="flow")  # its event destinations go with it
    assert missing(email, "get_configuration_set", ConfigurationSetName="flow") == "NotFoundException"
    assert missing(email, "delete_configuration_set_event_destination", ConfigurationSetName="flow",
                   EventDestinationName="d1") == "NotFoundException"
    assert "flow" not in email.list_configuration_sets()["ConfigurationSets"]


def test_templates_are_kept_per_type_and_gone_after_delete(client):
    client.create_sms_template(TemplateName="kept", SMSTemplateRequest={"Body": "hello {{name}}"})
    sms = client.get_sms_template(TemplateName="kept")["SMSTemplateResponse"]
    assert (sms["TemplateName"], sms["Body"], sms["TemplateType"]) == ("kept", "hello {{name}}", "SMS")
    assert missing(client, "get_push_template", TemplateName="kept") == "NotFoundException"
    assert "kept" in [t["TemplateName"] for t in client.list_templates()["TemplatesResponse"]["Item"]]
    client.delete_sms_template(TemplateName="kept")
    assert missing(client, "get_sms_template", TemplateName="kept") == "NotFoundException"


def test_registrations_and_what_hangs_below_them(sms):
    registration = sms.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")
    rid = registration["RegistrationId"]
    assert rid.startswith("registration-")
    [listed] = sms.describe_registrations(RegistrationIds=[rid])["Registrations"]
    assert listed["RegistrationId"] == rid
    sms.put_registration_field_value(RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="Example")
    values = sms.describe_registration_field_values(RegistrationId=rid)["RegistrationFieldValues"]
    assert [(v["FieldPath"], v.get("TextValue")) for v in values] == [("companyInfo.companyName", "Example")]
    sms.delete_registration(RegistrationId=rid)
    assert missing(sms, "describe_registrations", RegistrationIds=[rid]) == "ResourceNotFoundException"
    assert missing(sms, "describe_registration_field_values", RegistrationId=rid) == "ResourceNotFoundException"


def test_a_resource_policy_is_only_what_was_put_on_a_thing_that_exists(sms):
    pool_arn = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/Default"
    assert missing(sms, "get_resource_policy", ResourceArn=pool_arn) == "ResourceNotFoundException"
    policy = '{"Version": "2012-10-17", "Statement": []}'
    sms.put_resource_policy(ResourceArn=pool_arn, Policy=policy)
    assert sms.get_resource_policy(ResourceArn=pool_arn)["Policy"] == policy
    sms.delete_resource_policy(ResourceArn=pool_arn)
    assert missing(sms, "get_resource_policy", ResourceArn=pool_arn) == "ResourceNotFoundException"


def test_stateful_things_are_not_found_after_delete(client, sms):
    app = client.create_app(CreateApplicationRequest={"Name": "gone"})["ApplicationResponse"]
    client.delete_app(ApplicationId=app["Id"])
    assert missing(client, "get_app", ApplicationId=app["Id"]) == "NotFoundException"
    number = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                      NumberType="SIMULATOR")
    sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    assert missing(sms, "describe_phone_numbers", PhoneNumberIds=[number["PhoneNumberId"]]) == "ResourceNotFoundException"
    sms.create_opt_out_list(OptOutListName="gone-list")
    sms.delete_opt_out_list(OptOutListName="gone-list")
    assert missing(sms, "describe_opt_out_lists", OptOutListNames=["gone-list"]) == "ResourceNotFoundException"
    protect = sms.create_protect_configuration()
    sms.delete_protect_configuration(ProtectConfigurationId=protect["ProtectConfigurationId"])
    assert missing(sms, "get_protect_configuration_country_rule_set", ProtectConfigurationId=protect["ProtectConfigurationId"],
                   NumberCapability="SMS") == "ResourceNotFoundException"


def test_an_opt_out_list_name_outside_the_models_pattern_is_refused(sms):
    with pytest.raises(ClientError) as caught:
        sms.create_opt_out_list(OptOutListName="bad name!")
    error = caught.value.response
    assert (error["Error"]["Code"], error["Reason"]) == ("ValidationException", "FIELD_VALIDATION_FAILED")
    assert "Member must satisfy regular expression pattern: [A-Za-z0-9_-]+" in error["Error"]["Message"]
