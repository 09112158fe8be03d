"""Other people's artefacts in and out, as pure data (nothing here runs a script or sends):

    postman_import   Postman collection v2.0/v2.1 -> drafts in folders, linked to the library
    postman_export   drafts / library folders -> Postman v2.1; environments -> Postman env
    curl_import      a curl command line -> a draft (stale signatures dropped)
    snippets         a send plan -> curl --aws-sigv4, AWS CLI, boto3, awscurl
    cloudtrail       a CloudTrail event -> a draft in the matching environment
    bundle           an exchange or history entry -> a secret-free reproduction bundle
    linking          which library operation (and API host) a foreign request is
    scripts          literal pm.*.set calls read from pre-request scripts
    jsonfile         foreign JSON: size limit, nesting, salvage of truncated files
    draft_files      whole imported trees to and from the core's collection folders
"""
