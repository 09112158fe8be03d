<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BundleDialog</name>
    <message>
        <source>Sent in {name} ({region}, account {account}) on {when}</source>
        <translation>于 {when} 在 {name}（{region}，账户 {account}）中发送</translation>
    </message>
    <message>
        <source>Answer: HTTP {status}</source>
        <translation>响应：HTTP {status}</translation>
    </message>
    <message>
        <source>No answer: {message}</source>
        <translation>无响应：{message}</translation>
    </message>
    <message>
        <source>Reproduction bundle</source>
        <translation>复现包</translation>
    </message>
    <message>
        <source>Reproduction bundle: {path}</source>
        <translation>复现包：{path}</translation>
    </message>
    <message>
        <source>What the bundle holds</source>
        <translation>复现包的内容</translation>
    </message>
    <message>
        <source>Open as a request</source>
        <translation>作为请求打开</translation>
    </message>
    <message>
        <source>Open the bundle&apos;s request in a tab</source>
        <translation>在标签页中打开复现包中的请求</translation>
    </message>
    <message>
        <source>Reproduce in the sandbox</source>
        <translation>在沙盒中复现</translation>
    </message>
    <message>
        <source>Load the bundle&apos;s answer into the sandbox and send its request there</source>
        <translation>将复现包中的响应载入沙盒，并将其请求发送到沙盒</translation>
    </message>
    <message>
        <source>Reading the bundle…</source>
        <translation>正在读取复现包…</translation>
    </message>
    <message>
        <source>Bundle status</source>
        <translation>复现包状态</translation>
    </message>
    <message>
        <source>Not a usable bundle: {error}</source>
        <translation>复现包不可用：{error}</translation>
    </message>
    <message>
        <source>Reproduce it in the sandbox to get the same answer there, then try a fix.</source>
        <translation>在沙盒中复现它，得到相同的响应，然后尝试修复。</translation>
    </message>
    <message>
        <source>Scenario {name} loaded into the sandbox: its request is sent there in a new tab.</source>
        <translation>场景 {name} 已载入沙盒：其请求将在新标签页中发送到沙盒。</translation>
    </message>
    <message>
        <source>Not reproduced: {error}</source>
        <translation>未能复现：{error}</translation>
    </message>
</context>
<context>
    <name>CollectionsPane</name>
    <message>
        <source>Saved requests</source>
        <translation>已保存的请求</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>转到…</translation>
    </message>
    <message>
        <source>Search operations, environments, requests, history, actions</source>
        <translation>搜索操作、环境、请求、历史记录和动作</translation>
    </message>
    <message>
        <source>operation, environment, saved request, history, action…</source>
        <translation>操作、环境、已保存的请求、历史记录、动作…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>Number of matches</source>
        <translation>匹配项数量</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Compare across environments</source>
        <translation>跨环境比较</translation>
    </message>
    <message>
        <source>Left environment</source>
        <translation>左侧环境</translation>
    </message>
    <message>
        <source>Right environment</source>
        <translation>右侧环境</translation>
    </message>
    <message>
        <source>Send in both</source>
        <translation>在两个环境中发送</translation>
    </message>
    <message>
        <source>Send the request in both environments</source>
        <translation>在两个环境中发送该请求</translation>
    </message>
    <message>
        <source>Request compared</source>
        <translation>被比较的请求</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Pick two environments and send.</source>
        <translation>选择两个环境，然后发送。</translation>
    </message>
    <message>
        <source>Differences found</source>
        <translation>发现的差异</translation>
    </message>
    <message>
        <source>Left status</source>
        <translation>左侧状态</translation>
    </message>
    <message>
        <source>Right status</source>
        <translation>右侧状态</translation>
    </message>
    <message>
        <source>Left body</source>
        <translation>左侧正文</translation>
    </message>
    <message>
        <source>Right body</source>
        <translation>右侧正文</translation>
    </message>
    <message>
        <source>Headers compared</source>
        <translation>标头比较</translation>
    </message>
    <message>
        <source>Signing compared</source>
        <translation>签名比较</translation>
    </message>
    <message>
        <source>Body, headers, signing</source>
        <translation>正文、标头、签名</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Open a request first (Compare works on the current tab).</source>
        <translation>请先打开一个请求（比较针对当前标签页）。</translation>
    </message>
    <message>
        <source>Sending in {left} and {right}…</source>
        <translation>正在 {left} 和 {right} 中发送…</translation>
    </message>
    <message>
        <source>Not compared: the request cannot be sent in {env}: {reason}</source>
        <translation>未比较：无法在 {env} 中发送该请求：{reason}</translation>
    </message>
    <message>
        <source>Not compared: {reason}</source>
        <translation>未比较：{reason}</translation>
    </message>
    <message>
        <source>{env}: not sent</source>
        <translation>{env}：未发送</translation>
    </message>
    <message>
        <source>{env}: not sent (the other side could not be)</source>
        <translation>{env}：未发送（另一侧无法发送）</translation>
    </message>
    <message>
        <source>{fix} in {env}</source>
        <translation>在 {env} 中{fix}</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) ({mark} marks them)</source>
        <translation>
            <numerusform>%n 处差异（以 {mark} 标记）</numerusform>
        </translation>
    </message>
    <message>
        <source>no difference (headers that change on every send aside)</source>
        <translation>无差异（每次发送都会变化的标头除外）</translation>
    </message>
</context>
<context>
    <name>CompareRowsModel</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>changes on every send</source>
        <translation>每次发送都会变化</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>不同</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message numerus="yes">
        <source>%n library file(s) could not be read</source>
        <translation>
            <numerusform>%n 个库文件无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>variable {name} saved as a global variable</source>
        <translation>变量 {name} 已保存为全局变量</translation>
    </message>
    <message>
        <source>variable {name} saved in environment {environment}</source>
        <translation>变量 {name} 已保存到环境 {environment}</translation>
    </message>
    <message numerus="yes">
        <source>saved %Ln byte(s) to {path}</source>
        <translation>
            <numerusform>已将 %Ln 字节保存到 {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialStatus</name>
    <message>
        <source>keyring unavailable: {reason}</source>
        <translation>密钥环不可用：{reason}</translation>
    </message>
    <message>
        <source>keyring unavailable (hover for why)</source>
        <translation>密钥环不可用（悬停查看原因）</translation>
    </message>
    <message>
        <source>credentials missing: {reason}</source>
        <translation>缺少凭证：{reason}</translation>
    </message>
    <message>
        <source>credentials missing (hover for why)</source>
        <translation>缺少凭证（悬停查看原因）</translation>
    </message>
    <message>
        <source>credentials not usable: {reason}</source>
        <translation>凭证不可用：{reason}</translation>
    </message>
    <message>
        <source>credentials not usable (hover for why)</source>
        <translation>凭证不可用（悬停查看原因）</translation>
    </message>
    <message>
        <source>local sandbox not running: {reason}</source>
        <translation>本地沙盒未运行：{reason}</translation>
    </message>
    <message>
        <source>local sandbox not running (hover for why)</source>
        <translation>本地沙盒未运行（悬停查看原因）</translation>
    </message>
    <message>
        <source>credentials: kept for this session only, {key}</source>
        <translation>凭证：仅在本次会话中保留，{key}</translation>
    </message>
    <message>
        <source>session-only credentials</source>
        <translation>仅限本次会话的凭证</translation>
    </message>
    <message>
        <source>credentials: {source}, {key}</source>
        <translation>凭证：{source}，{key}</translation>
    </message>
    <message>
        <source>sandbox identity, {address}</source>
        <translation>沙盒身份，{address}</translation>
    </message>
    <message>
        <source>local sandbox: starting…</source>
        <translation>本地沙盒：正在启动…</translation>
    </message>
    <message>
        <source>local sandbox: stopping…</source>
        <translation>本地沙盒：正在停止…</translation>
    </message>
    <message>
        <source>local sandbox: resetting…</source>
        <translation>本地沙盒：正在重置…</translation>
    </message>
    <message>
        <source>local sandbox: restarting…</source>
        <translation>本地沙盒：正在重新启动…</translation>
    </message>
    <message>
        <source>local sandbox: stopped (a send starts it again)</source>
        <translation>本地沙盒：已停止（发送请求会再次启动它）</translation>
    </message>
    <message>
        <source>local sandbox: not started (cancelled)</source>
        <translation>本地沙盒：未启动（已取消）</translation>
    </message>
    <message>
        <source>OS keyring</source>
        <translation>操作系统密钥环</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS 配置文件</translation>
    </message>
    <message>
        <source>process environment (AWS_ACCESS_KEY_ID…)</source>
        <translation>进程环境（AWS_ACCESS_KEY_ID…）</translation>
    </message>
    <message>
        <source>local sandbox identity</source>
        <translation>本地沙盒身份</translation>
    </message>
    <message>
        <source>AWS profile {name}</source>
        <translation>AWS 配置文件 {name}</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>The SSO session has expired: run  aws sso login --profile {profile}  in a terminal, then Test.</source>
        <translation>SSO 会话已过期：请在终端中运行  aws sso login --profile {profile}，然后点击“测试”。</translation>
    </message>
    <message>
        <source>Credentials of {name}</source>
        <translation>{name} 的凭证</translation>
    </message>
    <message>
        <source>Credentials — {name}</source>
        <translation>凭证 — {name}</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Stored credentials</source>
        <translation>已存储的凭证</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>访问密钥 ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>秘密访问密钥</translation>
    </message>
    <message>
        <source>typed here, kept in the keyring, never shown again</source>
        <translation>在此输入，保存在密钥环中，不再显示</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>会话令牌</translation>
    </message>
    <message>
        <source>optional (temporary credentials)</source>
        <translation>可选（临时凭证）</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <source>Where the credentials come from</source>
        <translation>凭证的来源</translation>
    </message>
    <message>
        <source>No keyring: choices</source>
        <translation>没有密钥环：可选做法</translation>
    </message>
    <message>
        <source>Why the keyring cannot be used</source>
        <translation>密钥环无法使用的原因</translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation>仅在本次会话中保留</translation>
    </message>
    <message>
        <source>Keep the credentials for this session only</source>
        <translation>仅在本次会话中保留这些凭证</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the credentials</source>
        <translation>保存凭证</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Test the credentials with a signed read</source>
        <translation>用一次已签名的读取操作测试凭证</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Delete the stored credentials</source>
        <translation>删除已存储的凭证</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{name} ({region}) takes its credentials from: {source}.</source>
        <translation>{name}（{region}）的凭证来自：{source}。</translation>
    </message>
    <message>
        <source>Nothing to type here; Test checks them.</source>
        <translation>无需在此输入；“测试”会检查它们。</translation>
    </message>
    <message>
        <source>The OS keyring is not usable here ({reason}).
Pinpoint Workbench never stores secrets in a file. You can:
  • keep these credentials for this session only: in memory, forgotten when the window closes;
  • use an AWS profile instead (Environments → Credentials from: AWS profile);
  • unlock or install a keyring (gnome-keyring, KWallet; macOS and Windows have one), then Save again.</source>
        <translation>此处无法使用操作系统密钥环（{reason}）。
Pinpoint Workbench 从不把机密存入文件。您可以：
  • 仅在本次会话中保留这些凭证：存于内存，关闭窗口即忘记；
  • 改用 AWS 配置文件（环境 → 凭证来源：AWS 配置文件）；
  • 解锁或安装一个密钥环（gnome-keyring、KWallet；macOS 和 Windows 自带），然后再次保存。</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>testing: a signed GetApps…</source>
        <translation>正在测试：发送已签名的 GetApps…</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>{operation} at {host} ({region}): {status}</source>
        <translation>{host}（{region}）上的 {operation}：{status}</translation>
    </message>
    <message>
        <source> — the credentials work</source>
        <translation> — 凭证有效</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>identity: {identity}</source>
        <translation>身份：{identity}</translation>
    </message>
    <message>
        <source>error: {error}</source>
        <translation>错误：{error}</translation>
    </message>
</context>
<context>
    <name>DiagnosisPane</name>
    <message>
        <source>Likely cause:</source>
        <translation>可能的原因：</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>First difference</source>
        <translation>第一处差异</translation>
    </message>
    <message>
        <source>ours:</source>
        <translation>我们的：</translation>
    </message>
    <message>
        <source>expected:</source>
        <translation>预期的：</translation>
    </message>
    <message>
        <source>({part} line {line})</source>
        <translation>（{part} 第 {line} 行）</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>No diagnosis: send a request.</source>
        <translation>暂无诊断：请发送一个请求。</translation>
    </message>
    <message>
        <source>Diagnosis headline</source>
        <translation>诊断摘要</translation>
    </message>
    <message>
        <source>Diagnosis details</source>
        <translation>诊断详情</translation>
    </message>
    <message>
        <source>No problem found in the last answer.</source>
        <translation>上一个响应中未发现问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found: {titles}</source>
        <translation>
            <numerusform>发现 %n 个问题：{titles}</numerusform>
        </translation>
    </message>
    <message>
        <source>Diagnosis: {title}</source>
        <translation>诊断：{title}</translation>
    </message>
    <message>
        <source>{fix}: what to paste</source>
        <translation>{fix}：要粘贴的内容</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy: {fix}</source>
        <translation>复制：{fix}</translation>
    </message>
</context>
<context>
    <name>DiagnosisWiring</name>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>IAM policy statement copied</source>
        <translation>已复制 IAM 策略语句</translation>
    </message>
    <message>
        <source>no window action for {action}</source>
        <translation>窗口中没有对应 {action} 的动作</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>this environment ({env})</source>
        <translation>此环境（{env}）</translation>
    </message>
    <message>
        <source>global (every environment)</source>
        <translation>全局（所有环境）</translation>
    </message>
    <message>
        <source>this request only</source>
        <translation>仅此请求</translation>
    </message>
    <message>
        <source>Save as variable</source>
        <translation>保存为变量</translation>
    </message>
    <message>
        <source>Save {value} as the variable:</source>
        <translation>将 {value} 保存为变量：</translation>
    </message>
    <message>
        <source>Variable name</source>
        <translation>变量名</translation>
    </message>
    <message>
        <source>Variable scope</source>
        <translation>变量作用域</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>不发送</translation>
    </message>
</context>
<context>
    <name>EnvironmentActions</name>
    <message>
        <source>environment {name} added</source>
        <translation>已添加环境 {name}</translation>
    </message>
    <message>
        <source>environment {name} saved</source>
        <translation>已保存环境 {name}</translation>
    </message>
    <message>
        <source>environment {name}: nothing changed</source>
        <translation>环境 {name}：没有更改</translation>
    </message>
    <message>
        <source>environment {name} deleted with its keyring entries</source>
        <translation>已删除环境 {name} 及其密钥环条目</translation>
    </message>
    <message>
        <source>environment {name} deleted</source>
        <translation>已删除环境 {name}</translation>
    </message>
    <message>
        <source>environment {name} duplicated as {copy} ({region})</source>
        <translation>已将环境 {name} 复制为 {copy}（{region}）</translation>
    </message>
    <message>
        <source>imported {name}, its access key in the keyring</source>
        <translation>已导入 {name}，其访问密钥保存在密钥环中</translation>
    </message>
    <message>
        <source>imported {name}</source>
        <translation>已导入 {name}</translation>
    </message>
    <message>
        <source>cannot tell: {error}</source>
        <translation>无法确定：{error}</translation>
    </message>
    <message>
        <source>no usable keyring</source>
        <translation>没有可用的密钥环</translation>
    </message>
    <message>
        <source>stored for this session only, {detail}</source>
        <translation>仅为本次会话存储，{detail}</translation>
    </message>
    <message>
        <source>stored in the keyring, {detail}</source>
        <translation>已存储在密钥环中，{detail}</translation>
    </message>
    <message>
        <source>nothing stored</source>
        <translation>未存储任何内容</translation>
    </message>
    <message>
        <source>for this session only</source>
        <translation>仅限本次会话</translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation>在密钥环中</translation>
    </message>
    <message>
        <source>saved: {key} stored {where}</source>
        <translation>已保存：{key} 存储于{where}</translation>
    </message>
    <message>
        <source>not saved: the OS keyring is not usable ({reason}); choose one of the ways below</source>
        <translation>未保存：操作系统密钥环不可用（{reason}）；请选择下面的一种做法</translation>
    </message>
    <message>
        <source>not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>credentials of {name} cleared</source>
        <translation>已清除 {name} 的凭证</translation>
    </message>
    <message>
        <source>nothing was stored for {name}</source>
        <translation>{name} 没有存储任何内容</translation>
    </message>
    <message>
        <source>not cleared: {error}</source>
        <translation>未清除：{error}</translation>
    </message>
</context>
<context>
    <name>EnvironmentBar</name>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Switch environment (Ctrl+E)</source>
        <translation>切换环境（Ctrl+E）</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>Production environment</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>Credential status</source>
        <translation>凭证状态</translation>
    </message>
    <message>
        <source>Stop starting the local sandbox</source>
        <translation>停止启动本地沙盒</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>环境：</translation>
    </message>
    <message>
        <source>Environment colour</source>
        <translation>环境颜色</translation>
    </message>
</context>
<context>
    <name>EnvironmentListModel</name>
    <message>
        <source>, PRODUCTION</source>
        <translation>，生产</translation>
    </message>
    <message>
        <source>production: destructive and sending operations ask first</source>
        <translation>生产：破坏性操作和发送类操作会先询问</translation>
    </message>
    <message>
        <source>not production</source>
        <translation>非生产</translation>
    </message>
    <message>
        <source>, colour {colour}</source>
        <translation>，颜色 {colour}</translation>
    </message>
</context>
<context>
    <name>EnvironmentManager</name>
    <message>
        <source>not offered</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>Environment manager</source>
        <translation>环境管理器</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Create an environment</source>
        <translation>创建环境</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <source>Duplicate into another region</source>
        <translation>复制到另一个区域</translation>
    </message>
    <message>
        <source>Import Postman…</source>
        <translation>导入 Postman…</translation>
    </message>
    <message>
        <source>Import a Postman environment</source>
        <translation>导入 Postman 环境</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the environment</source>
        <translation>删除环境</translation>
    </message>
    <message>
        <source>Environment name</source>
        <translation>环境名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>APIs the region offers</source>
        <translation>该区域提供的 API</translation>
    </message>
    <message>
        <source>AWS account ID</source>
        <translation>AWS 账户 ID</translation>
    </message>
    <message>
        <source>12 digits (optional)</source>
        <translation>12 位数字（可选）</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>#c62828 or a colour name (optional)</source>
        <translation>#c62828 或颜色名称（可选）</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>a PEM file of CAs to trust, e.g. a corporate proxy&apos;s (optional)</source>
        <translation>要信任的 CA 的 PEM 文件，例如公司代理的（可选）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>选择 CA 证书包文件</translation>
    </message>
    <message>
        <source>production: confirm before anything destructive or sending</source>
        <translation>生产：执行破坏性操作或发送前先确认</translation>
    </message>
    <message>
        <source>Production environment</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>Credentials from</source>
        <translation>凭证来源</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS 配置文件</translation>
    </message>
    <message>
        <source>About the profile</source>
        <translation>关于该配置文件</translation>
    </message>
    <message>
        <source>Host overrides</source>
        <translation>主机覆盖</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <source>Add a variable</source>
        <translation>添加一个变量</translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation>移除变量</translation>
    </message>
    <message>
        <source>Remove the selected variable</source>
        <translation>移除所选变量</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the environment</source>
        <translation>保存环境</translation>
    </message>
    <message>
        <source>Credentials…</source>
        <translation>凭证…</translation>
    </message>
    <message>
        <source>Credentials of the environment</source>
        <translation>该环境的凭证</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账户 ID</translation>
    </message>
    <message>
        <source>  ({count} of 4 APIs not offered)</source>
        <translation>  （4 个 API 中有 {count} 个未提供）</translation>
    </message>
    <message>
        <source>{name} (not in the AWS config)</source>
        <translation>{name}（不在 AWS 配置中）</translation>
    </message>
    <message>
        <source>No profiles in the AWS config (~/.aws/config, ~/.aws/credentials).</source>
        <translation>AWS 配置中没有配置文件（~/.aws/config、~/.aws/credentials）。</translation>
    </message>
    <message>
        <source>SSO profile: if its token has expired, run  aws sso login --profile {name}  in a terminal, then Test.</source>
        <translation>SSO 配置文件：如果其令牌已过期，请在终端中运行  aws sso login --profile {name}，然后点击“测试”。</translation>
    </message>
    <message>
        <source>the built-in sandbox: only its variables can change</source>
        <translation>内置沙盒：只能更改其变量</translation>
    </message>
    <message>
        <source>pick a region, name it, Save</source>
        <translation>选择区域，命名，然后保存</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>select an AWS environment to duplicate</source>
        <translation>请选择要复制的 AWS 环境</translation>
    </message>
    <message>
        <source>Duplicate into a region</source>
        <translation>复制到某个区域</translation>
    </message>
    <message>
        <source>Duplicate {name} into:</source>
        <translation>将 {name} 复制到：</translation>
    </message>
    <message>
        <source>Name of the copy</source>
        <translation>副本名称</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Postman environment (*.json);;All files (*)</source>
        <translation>Postman 环境 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>importing {path}…</source>
        <translation>正在导入 {path}…</translation>
    </message>
    <message>
        <source>the sandbox environment is built in; nothing to delete</source>
        <translation>沙盒环境是内置的；无可删除</translation>
    </message>
    <message>
        <source>Delete the environment {name} ({region}), its stored credentials and secret variables?</source>
        <translation>删除环境 {name}（{region}）及其已存储的凭证和机密变量？</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>FetchPagesView</name>
    <message>
        <source>page {number}: not sent: {error}</source>
        <translation>第 {number} 页：未发送：{error}</translation>
    </message>
    <message>
        <source>, asked with token {token}</source>
        <translation>，请求时使用令牌 {token}</translation>
    </message>
    <message>
        <source>, gave token {token}</source>
        <translation>，返回令牌 {token}</translation>
    </message>
    <message>
        <source>page {number}</source>
        <translation>第 {number} 页</translation>
    </message>
    <message>
        <source>, the last</source>
        <translation>，最后一页</translation>
    </message>
    <message>
        <source>no response: {error}</source>
        <translation>无响应：{error}</translation>
    </message>
    <message>
        <source>What was signed:</source>
        <translation>签名的内容：</translation>
    </message>
    <message>
        <source>Fetch all pages of {operation}</source>
        <translation>获取 {operation} 的所有页</translation>
    </message>
    <message>
        <source>Fetch all pages: {operation} in {environment}</source>
        <translation>获取所有页：{environment} 中的 {operation}</translation>
    </message>
    <message>
        <source>Items per page (0: the service&apos;s default)</source>
        <translation>每页项目数（0：服务的默认值）</translation>
    </message>
    <message>
        <source>Stop after this many items (0: all)</source>
        <translation>达到此项目数后停止（0：全部）</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>获取</translation>
    </message>
    <message>
        <source>Fetch every page</source>
        <translation>获取每一页</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop fetching (keeps the pages that came)</source>
        <translation>停止获取（保留已获取的页）</translation>
    </message>
    <message>
        <source>Save merged result…</source>
        <translation>保存合并结果…</translation>
    </message>
    <message>
        <source>Save the merged result as JSON</source>
        <translation>将合并结果保存为 JSON</translation>
    </message>
    <message>
        <source>Not fetched yet.</source>
        <translation>尚未获取。</translation>
    </message>
    <message>
        <source>Pages and items fetched</source>
        <translation>已获取的页和项目</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>每页大小</translation>
    </message>
    <message>
        <source>Max items</source>
        <translation>最大项目数</translation>
    </message>
    <message>
        <source>The pages fetched</source>
        <translation>已获取的页</translation>
    </message>
    <message>
        <source>The selected page: what was signed, what came back</source>
        <translation>所选页：签名的内容和返回的内容</translation>
    </message>
    <message>
        <source>Every page merged, as the AWS CLI shows it</source>
        <translation>合并所有页，与 AWS CLI 的显示方式相同</translation>
    </message>
    <message>
        <source>Merged result or one page</source>
        <translation>合并结果或单页</translation>
    </message>
    <message>
        <source>Merged result</source>
        <translation>合并结果</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>正在获取…</translation>
    </message>
    <message>
        <source>Fetching… {progress}</source>
        <translation>正在获取… {progress}</translation>
    </message>
    <message>
        <source>every page</source>
        <translation>所有页</translation>
    </message>
    <message>
        <source>stopped at the maximum</source>
        <translation>已达到最大值并停止</translation>
    </message>
    <message>
        <source>cancelled: the pages that came are kept</source>
        <translation>已取消：保留已获取的页</translation>
    </message>
    <message>
        <source>a page failed</source>
        <translation>某一页失败</translation>
    </message>
    <message>
        <source>the service gave the same token twice</source>
        <translation>服务两次返回了相同的令牌</translation>
    </message>
    <message>
        <source>; history #{id}</source>
        <translation>；历史记录 #{id}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>… (the first {size} KB shown; Save keeps all of it)</source>
        <translation>…（仅显示前 {size} KB；保存会保留全部内容）</translation>
    </message>
    <message>
        <source>Not fetched: {error}</source>
        <translation>未获取：{error}</translation>
    </message>
    <message>
        <source>Save the merged result</source>
        <translation>保存合并结果</translation>
    </message>
    <message>
        <source>{status} — saved to {path}</source>
        <translation>{status} — 已保存到 {path}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>FileIntents</name>
    <message>
        <source>could not read the response body: {error}</source>
        <translation>无法读取响应正文：{error}</translation>
    </message>
    <message>
        <source>cannot open {path}: {error}</source>
        <translation>无法打开 {path}：{error}</translation>
    </message>
    <message>
        <source>not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>GuidePane</name>
    <message>
        <source>Symptoms</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>Troubleshooting guide</source>
        <translation>故障排除指南</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>搜索指南</translation>
    </message>
    <message>
        <source>search: security token, not authorized, opted out, throttling…</source>
        <translation>搜索：安全令牌、未授权、选择退出、限制…</translation>
    </message>
    <message>
        <source>Known problem</source>
        <translation>已知问题</translation>
    </message>
    <message>
        <source>Known problems</source>
        <translation>已知问题</translation>
    </message>
    <message>
        <source>The problem, its cause and steps</source>
        <translation>问题、原因和步骤</translation>
    </message>
    <message>
        <source>Number of problems listed</source>
        <translation>列出的问题数量</translation>
    </message>
    <message>
        <source>{shown} of {total} known problems</source>
        <translation>已知问题 {shown}/{total} 个</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing matches. Try fewer words.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有匹配项。请尝试减少关键词。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HealthReportModel</name>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Account health</source>
        <translation>账户健康状况</translation>
    </message>
    <message>
        <source>Environment to check</source>
        <translation>要检查的环境</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Run the health check</source>
        <translation>运行健康检查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the health check</source>
        <translation>取消健康检查</translation>
    </message>
    <message>
        <source>Calls made</source>
        <translation>已发出的调用</translation>
    </message>
    <message>
        <source>%v of %m calls</source>
        <translation>%v / %m 次调用</translation>
    </message>
    <message>
        <source>Pick an environment and check it: read-only calls, nothing is changed.</source>
        <translation>选择一个环境并检查：只读调用，不会更改任何内容。</translation>
    </message>
    <message>
        <source>Health check summary</source>
        <translation>健康检查摘要</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Findings by area</source>
        <translation>按领域分组的发现</translation>
    </message>
    <message>
        <source>The finding&apos;s evidence and next step</source>
        <translation>该发现的证据和下一步</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <source>Export the report as HTML</source>
        <translation>将报告导出为 HTML</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Export the report as JSON</source>
        <translation>将报告导出为 JSON</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 个提示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in {seconds} s</source>
        <translation>
            <numerusform>%n 次调用，耗时 {seconds} 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no report.</source>
        <translation>已取消：没有报告。</translation>
    </message>
    <message>
        <source>The check could not run: {error}</source>
        <translation>检查无法运行：{error}</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Open it in the troubleshooting guide</source>
        <translation>在故障排除指南中打开</translation>
    </message>
    <message>
        <source>Open {operation} in a tab</source>
        <translation>在标签页中打开 {operation}</translation>
    </message>
    <message>
        <source>Export the health report</source>
        <translation>导出健康报告</translation>
    </message>
    <message>
        <source>{summary} — exported to {path}</source>
        <translation>{summary} — 已导出到 {path}</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>未导出：{error}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>任意状态</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>Filter history by environment or operation</source>
        <translation>按环境或操作筛选历史记录</translation>
    </message>
    <message>
        <source>Filter: environment, operation…</source>
        <translation>筛选：环境、操作…</translation>
    </message>
    <message>
        <source>Filter history by status</source>
        <translation>按状态筛选历史记录</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>请求历史记录</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Load older history entries</source>
        <translation>加载更早的历史记录条目</translation>
    </message>
</context>
<context>
    <name>HostOverridesModel</name>
    <message>
        <source>host (empty: AWS&apos;s host for the region)</source>
        <translation>主机（留空：该区域的 AWS 主机）</translation>
    </message>
</context>
<context>
    <name>InspectPane</name>
    <message>
        <source>Send a request to see what was signed.</source>
        <translation>发送请求后即可查看签名的内容。</translation>
    </message>
    <message>
        <source>Signing summary</source>
        <translation>签名摘要</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <source>curl --aws-sigv4 with credentials from $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY</source>
        <translation>curl --aws-sigv4，凭证取自 $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY</translation>
    </message>
    <message>
        <source>Inspection: request as sent and its signing</source>
        <translation>检视：发送的请求及其签名</translation>
    </message>
    <message>
        <source>{method} signed for {signing_name} in {region}; scope {scope}; key {key}; signature {signature}</source>
        <translation>{method} 已为 {signing_name} 在 {region} 中签名；范围 {scope}；密钥 {key}；签名 {signature}</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message numerus="yes">
        <source>{%Ln member(s)}</source>
        <translation>
            <numerusform>{%Ln 个成员}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%Ln item(s)]</source>
        <translation>
            <numerusform>[%Ln 个项目]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyValueModel</name>
    <message>
        <source>(add)</source>
        <translation>（添加）</translation>
    </message>
    <message>
        <source>{value}   (from {scope})</source>
        <translation>{value}   （来自{scope}）</translation>
    </message>
    <message>
        <source>Not set in this request: the {scope} gives {value}. Type a value to use another one here.</source>
        <translation>此请求中未设置：{scope}提供的值为 {value}。在此输入值即可使用其他值。</translation>
    </message>
    <message>
        <source>{value}   ({source})</source>
        <translation>{value}   （{source}）</translation>
    </message>
    <message>
        <source>{name}: {source}</source>
        <translation>{name}：{source}</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Search the library</source>
        <translation>搜索库</translation>
    </message>
    <message>
        <source>Search by name, AWS CLI name, path or description</source>
        <translation>按名称、AWS CLI 名称、路径或描述搜索</translation>
    </message>
    <message>
        <source>Search operations…</source>
        <translation>搜索操作…</translation>
    </message>
    <message>
        <source>Request library</source>
        <translation>请求库</translation>
    </message>
    <message>
        <source>Operation documentation</source>
        <translation>操作文档</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>标记</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sidebar</source>
        <translation>侧边栏</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>打开的请求</translation>
    </message>
    <message>
        <source>Sidebar and requests</source>
        <translation>侧边栏和请求</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>请求(&amp;R)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save to collection</source>
        <translation>保存到集合</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <source>Reopen closed tab</source>
        <translation>重新打开已关闭的标签页</translation>
    </message>
    <message>
        <source>Format body</source>
        <translation>格式化正文</translation>
    </message>
    <message>
        <source>Save the selected response value</source>
        <translation>保存所选的响应值</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Find in response</source>
        <translation>在响应中查找</translation>
    </message>
    <message>
        <source>Focus URL</source>
        <translation>聚焦 URL</translation>
    </message>
    <message>
        <source>Switch environment</source>
        <translation>切换环境</translation>
    </message>
    <message>
        <source>Toggle sidebar</source>
        <translation>显示/隐藏侧边栏</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>Response beside the request</source>
        <translation>响应显示在请求旁边</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜索库</translation>
    </message>
    <message>
        <source>Not sent: not confirmed for production</source>
        <translation>未发送：未确认在生产环境中发送</translation>
    </message>
    <message>
        <source>Sign with the credentials of {environment} and send to this host anyway?</source>
        <translation>仍然使用 {environment} 的凭证签名并发送到此主机？</translation>
    </message>
    <message>
        <source>Send to this host?</source>
        <translation>发送到此主机？</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <source>Production environment</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>{environment} is a PRODUCTION environment ({region}).

{operation} changes or deletes data, or reaches people. Send it?</source>
        <translation>{environment} 是生产环境（{region}）。

{operation} 会更改或删除数据，或者联系到真实的人。要发送吗？</translation>
    </message>
    <message>
        <source>Send {operation} to {environment}</source>
        <translation>将 {operation} 发送到 {environment}</translation>
    </message>
    <message>
        <source>saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Select a value in the response tree first</source>
        <translation>请先在响应树中选择一个值</translation>
    </message>
    <message>
        <source>Save the response body</source>
        <translation>保存响应正文</translation>
    </message>
</context>
<context>
    <name>PagesModel</name>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Next token</source>
        <translation>下一页令牌</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>无响应</translation>
    </message>
</context>
<context>
    <name>PaletteModel</name>
    <message>
        <source>operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>history</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>action</source>
        <translation>动作</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>窗口语言</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The window changes language at its next start.</source>
        <translation>窗口将在下次启动时切换语言。</translation>
    </message>
    <message>
        <source>When the language applies</source>
        <translation>语言何时生效</translation>
    </message>
    <message>
        <source>Font size (0: the system&apos;s)</source>
        <translation>字号（0：系统字号）</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Response position</source>
        <translation>响应位置</translation>
    </message>
    <message>
        <source>under the request</source>
        <translation>在请求下方</translation>
    </message>
    <message>
        <source>beside the request</source>
        <translation>在请求旁边</translation>
    </message>
    <message>
        <source>Light or dark</source>
        <translation>浅色或深色</translation>
    </message>
    <message>
        <source>as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Large response threshold in MB</source>
        <translation>大响应阈值（MB）</translation>
    </message>
    <message>
        <source>Largest decoded answer in MiB (0: no limit)</source>
        <translation>解码后响应的最大大小（MiB，0：不限制）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>读取超时（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Proxy URL</source>
        <translation>代理 URL</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 (empty: HTTPS_PROXY of the environment)</source>
        <translation>http://proxy.example.com:3128（留空：使用进程环境的 HTTPS_PROXY）</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA 证书包文件</translation>
    </message>
    <message>
        <source>/path/to/corporate-ca.pem (empty: AWS_CA_BUNDLE, else the built-in CAs)</source>
        <translation>/path/to/corporate-ca.pem（留空：AWS_CA_BUNDLE，否则使用内置 CA）</translation>
    </message>
    <message>
        <source>Where collections live</source>
        <translation>集合的存放位置</translation>
    </message>
    <message>
        <source>empty: the config folder&apos;s collections/ (applies at the next start)</source>
        <translation>留空：配置文件夹中的 collections/（下次启动时生效）</translation>
    </message>
    <message>
        <source>Problems with the preferences</source>
        <translation>首选项中的问题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Large response above</source>
        <translation>大响应阈值</translation>
    </message>
    <message>
        <source>Decoded answer up to</source>
        <translation>解码后响应上限</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>Collections folder</source>
        <translation>集合文件夹</translation>
    </message>
    <message>
        <source>Save the preferences</source>
        <translation>保存首选项</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source>HTTP method</source>
        <translation>HTTP 方法</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>请求 URL</translation>
    </message>
    <message>
        <source>The URL; {{variables}} are filled in from the request, the environment and globals (Ctrl+L)</source>
        <translation>URL；{{variables}} 取自请求、环境和全局变量（Ctrl+L）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>发送请求（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the running send (Esc)</source>
        <translation>取消正在进行的发送（Esc）</translation>
    </message>
    <message>
        <source>Send phase</source>
        <translation>发送阶段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Show the whole message</source>
        <translation>显示完整消息</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>The whole message</source>
        <translation>完整消息</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Request sections</source>
        <translation>请求各部分</translation>
    </message>
    <message>
        <source>Path and query parameters</source>
        <translation>路径和查询参数</translation>
    </message>
    <message>
        <source>Request variables</source>
        <translation>请求变量</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Operation documentation</source>
        <translation>操作文档</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>The URL as it will be sent</source>
        <translation>实际发送的 URL</translation>
    </message>
    <message>
        <source>Body example</source>
        <translation>正文示例</translation>
    </message>
    <message>
        <source>Minimal, full, or a worked example</source>
        <translation>最简、完整或实例</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式化</translation>
    </message>
    <message>
        <source>Format the JSON body</source>
        <translation>格式化 JSON 正文</translation>
    </message>
    <message>
        <source>Request body (JSON)</source>
        <translation>请求正文（JSON）</translation>
    </message>
    <message>
        <source>Validation problems</source>
        <translation>验证问题</translation>
    </message>
    <message>
        <source>Problems found in the request; click one to jump to it</source>
        <translation>请求中发现的问题；点击即可跳转</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source> (required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>最简</translation>
    </message>
    <message>
        <source>full</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>from the operation</source>
        <translation>来自操作</translation>
    </message>
    <message>
        <source>set when signed</source>
        <translation>签名时设置</translation>
    </message>
    <message>
        <source>SigV4 signing</source>
        <translation>SigV4 签名</translation>
    </message>
    <message>
        <source>  (not set: {names})</source>
        <translation>  （未设置：{names}）</translation>
    </message>
    <message>
        <source>Sends to {url}{note}</source>
        <translation>发送到 {url}{note}</translation>
    </message>
    <message>
        <source>Body ({count})</source>
        <translation>正文（{count}）</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>globals</source>
        <translation>全局变量</translation>
    </message>
    <message>
        <source>API {api}, signing name {signing_name}; lifecycle: {lifecycle}</source>
        <translation>API {api}，签名名称 {signing_name}；生命周期：{lifecycle}</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>，必填</translation>
    </message>
</context>
<context>
    <name>RequestTab</name>
    <message>
        <source>starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>resolving credentials</source>
        <translation>正在解析凭证</translation>
    </message>
    <message>
        <source>reading the keyring</source>
        <translation>正在读取密钥环</translation>
    </message>
    <message>
        <source>starting the local sandbox</source>
        <translation>正在启动本地沙盒</translation>
    </message>
    <message>
        <source>resolving the host name</source>
        <translation>正在解析主机名</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>waiting for the answer</source>
        <translation>正在等待响应</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Set {arg}</source>
        <translation>设置 {arg}</translation>
    </message>
    <message>
        <source>Send anyway…</source>
        <translation>仍然发送…</translation>
    </message>
    <message>
        <source>Raise the limit…</source>
        <translation>提高上限…</translation>
    </message>
    <message>
        <source>Use the local sandbox</source>
        <translation>使用本地沙盒</translation>
    </message>
    <message>
        <source>Store credentials for {arg}</source>
        <translation>为 {arg} 存储凭证</translation>
    </message>
    <message>
        <source>Keyring unavailable: what now?</source>
        <translation>密钥环不可用：怎么办？</translation>
    </message>
    <message>
        <source>Response and inspection</source>
        <translation>响应和检视</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>检视</translation>
    </message>
    <message>
        <source>Request and response</source>
        <translation>请求和响应</translation>
    </message>
    <message>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Not ready to send: {error}</source>
        <translation>尚不能发送：{error}</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation>未发送：{error}</translation>
    </message>
    <message>
        <source>Cancelled while {phase}</source>
        <translation>在{phase}时已取消</translation>
    </message>
</context>
<context>
    <name>RequestTabs</name>
    <message>
        <source>{operation}: not in the library; not opened</source>
        <translation>{operation}：不在库中；未打开</translation>
    </message>
    <message>
        <source>{operation}, reopened from history #{id} ({when})</source>
        <translation>{operation}，从历史记录 #{id}（{when}）重新打开</translation>
    </message>
    <message>
        <source>open tabs not restored: {problem}</source>
        <translation>未恢复打开的标签页：{problem}</translation>
    </message>
</context>
<context>
    <name>ResponsePane</name>
    <message>
        <source>No response yet</source>
        <translation>尚无响应</translation>
    </message>
    <message>
        <source>Response status</source>
        <translation>响应状态</translation>
    </message>
    <message>
        <source>Response time and size</source>
        <translation>响应时间和大小</translation>
    </message>
    <message>
        <source>Notes about this send</source>
        <translation>关于此次发送的说明</translation>
    </message>
    <message>
        <source>Save body…</source>
        <translation>保存正文…</translation>
    </message>
    <message>
        <source>Save the response body to a file</source>
        <translation>将响应正文保存到文件</translation>
    </message>
    <message>
        <source>Response body as a tree</source>
        <translation>以树形显示响应正文</translation>
    </message>
    <message>
        <source>Response body, formatted</source>
        <translation>格式化后的响应正文</translation>
    </message>
    <message>
        <source>Response body, raw</source>
        <translation>原始响应正文</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Show the whole body</source>
        <translation>显示完整正文</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>响应标头</translation>
    </message>
    <message>
        <source>Response body views</source>
        <translation>响应正文视图</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>美化</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Find in the response</source>
        <translation>在响应中查找</translation>
    </message>
    <message>
        <source>Find in the response text (Ctrl+F, Enter: next)</source>
        <translation>在响应文本中查找（Ctrl+F，Enter：下一个）</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>No response: {error}</source>
        <translation>无响应：{error}</translation>
    </message>
    <message>
        <source>loading the body…</source>
        <translation>正在加载正文…</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>（空正文）</translation>
    </message>
    <message>
        <source> (lines over 2048 characters are broken here; Save body… keeps them whole)</source>
        <translation>（此处会截断超过 2048 个字符的行；“保存正文…”会保留完整内容）</translation>
    </message>
    <message>
        <source>first {head} of {size} shown</source>
        <translation>显示了 {size} 中的前 {head}</translation>
    </message>
    <message>
        <source>{note} — not valid JSON: {error}</source>
        <translation>{note} — 不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>whole body shown</source>
        <translation>已显示完整正文</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <source>Save as {name}</source>
        <translation>保存为 {name}</translation>
    </message>
    <message>
        <source>Save as variable…</source>
        <translation>保存为变量…</translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>sandbox: starting…</source>
        <translation>沙盒：正在启动…</translation>
    </message>
    <message>
        <source>sandbox: running on :{port} · tutorial policy on</source>
        <translation>沙盒：在 :{port} 上运行 · 教程策略已开启</translation>
    </message>
    <message>
        <source>sandbox: running on :{port} · tutorial policy off</source>
        <translation>沙盒：在 :{port} 上运行 · 教程策略已关闭</translation>
    </message>
    <message>
        <source>sandbox: this window&apos;s own on :{port} (not kept)</source>
        <translation>沙盒：本窗口自己的，在 :{port} 上（不保留）</translation>
    </message>
    <message>
        <source>sandbox: not running</source>
        <translation>沙盒：未运行</translation>
    </message>
    <message>
        <source>Sandbox event log</source>
        <translation>沙盒事件日志</translation>
    </message>
    <message>
        <source>Sandbox events</source>
        <translation>沙盒事件</translation>
    </message>
    <message>
        <source>Events the sandbox publishes (SMS and voice deliveries, codes it would text) appear here.</source>
        <translation>沙盒发布的事件（SMS 和语音投递、它会以短信发送的验证码）显示在这里。</translation>
    </message>
    <message>
        <source>Sandbox log</source>
        <translation>沙盒日志</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>本地沙盒</translation>
    </message>
    <message>
        <source>The local sandbox: start, stop, reset</source>
        <translation>本地沙盒：启动、停止、重置</translation>
    </message>
    <message>
        <source>sandbox: …</source>
        <translation>沙盒：…</translation>
    </message>
    <message>
        <source>Start the sandbox</source>
        <translation>启动沙盒</translation>
    </message>
    <message>
        <source>Stop the sandbox</source>
        <translation>停止沙盒</translation>
    </message>
    <message>
        <source>Reset (forget what it keeps)</source>
        <translation>重置（忘记其保存的内容）</translation>
    </message>
    <message>
        <source>Tutorial policy (deny deletes, as the guide&apos;s IAM policy)</source>
        <translation>教程策略（与指南中的 IAM 策略一样拒绝删除）</translation>
    </message>
    <message>
        <source>sandbox: stopping…</source>
        <translation>沙盒：正在停止…</translation>
    </message>
    <message>
        <source>sandbox: resetting…</source>
        <translation>沙盒：正在重置…</translation>
    </message>
    <message>
        <source>sandbox: restarting…</source>
        <translation>沙盒：正在重新启动…</translation>
    </message>
    <message>
        <source>sandbox: {problem}</source>
        <translation>沙盒：{problem}</translation>
    </message>
    <message>
        <source>sandbox reset: its kept state is gone</source>
        <translation>沙盒已重置：保存的状态已清除</translation>
    </message>
    <message>
        <source>sandbox reset: it kept nothing</source>
        <translation>沙盒已重置：它没有保存任何内容</translation>
    </message>
</context>
<context>
    <name>ScenariosDialog</name>
    <message>
        <source>Sandbox scenarios</source>
        <translation>沙盒场景</translation>
    </message>
    <message>
        <source>Sandbox scenarios: recorded answers and injected faults</source>
        <translation>沙盒场景：录制的响应和注入的故障</translation>
    </message>
    <message>
        <source>Loaded scenarios</source>
        <translation>已载入的场景</translation>
    </message>
    <message>
        <source>The selected scenario&apos;s rules</source>
        <translation>所选场景的规则</translation>
    </message>
    <message>
        <source>Shipped scenarios</source>
        <translation>内置场景</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Load the shipped scenario</source>
        <translation>载入内置场景</translation>
    </message>
    <message>
        <source>Load file…</source>
        <translation>载入文件…</translation>
    </message>
    <message>
        <source>Load a bundle or a rules file</source>
        <translation>载入复现包或规则文件</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <source>Unload the selected scenario</source>
        <translation>卸载所选场景</translation>
    </message>
    <message>
        <source>Unload all</source>
        <translation>全部卸载</translation>
    </message>
    <message>
        <source>Unload every scenario</source>
        <translation>卸载所有场景</translation>
    </message>
    <message>
        <source>What no rule matches, the sandbox answers as before; signatures are always checked.</source>
        <translation>没有规则匹配的请求，沙盒照常响应；签名始终会被检查。</translation>
    </message>
    <message>
        <source>Scenarios status</source>
        <translation>场景状态</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>unloaded every scenario</source>
        <translation>已卸载所有场景</translation>
    </message>
    <message>
        <source>No scenario is loaded: the sandbox answers every request itself.</source>
        <translation>未载入任何场景：所有请求都由沙盒自己响应。</translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation>来自 {source}</translation>
    </message>
    <message>
        <source>Load a scenario: a reproduction bundle or a rules file</source>
        <translation>载入场景：复现包或规则文件</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <source>loaded {name}</source>
        <translation>已载入 {name}</translation>
    </message>
    <message>
        <source>unloaded {name}</source>
        <translation>已卸载 {name}</translation>
    </message>
    <message>
        <source>Not loaded: {error}</source>
        <translation>未载入：{error}</translation>
    </message>
</context>
<context>
    <name>ScenariosModel</name>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SendIntents</name>
    <message>
        <source>the environments and the library are still loading; send again in a moment</source>
        <translation>环境和库仍在加载；请稍后再发送</translation>
    </message>
    <message>
        <source>this send could not be kept in the history (see the history file&apos;s permissions)</source>
        <translation>此次发送无法保存到历史记录（请检查历史记录文件的权限）</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SupportTools</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Account health…</source>
        <translation>账户健康状况…</translation>
    </message>
    <message>
        <source>Open reproduction bundle…</source>
        <translation>打开复现包…</translation>
    </message>
    <message>
        <source>Sandbox scenarios…</source>
        <translation>沙盒场景…</translation>
    </message>
    <message>
        <source>Fetch all pages</source>
        <translation>获取所有页</translation>
    </message>
    <message>
        <source>Scenarios…</source>
        <translation>场景…</translation>
    </message>
    <message>
        <source>this request</source>
        <translation>此请求</translation>
    </message>
    <message>
        <source>{operation} is not paginated: Fetch all pages follows operations marked &apos;pages&apos;</source>
        <translation>{operation} 不分页：“获取所有页”适用于标记为“pages”的操作</translation>
    </message>
    <message>
        <source>Open a reproduction bundle</source>
        <translation>打开复现包</translation>
    </message>
    <message>
        <source>Bundles (*.json)</source>
        <translation>复现包 (*.json)</translation>
    </message>
</context>
<context>
    <name>TutorialController</name>
    <message>
        <source>tutorial progress: {problem}</source>
        <translation>教程进度：{problem}</translation>
    </message>
    <message>
        <source>the check could not run: {error}</source>
        <translation>检查无法运行：{error}</translation>
    </message>
</context>
<context>
    <name>TutorialListModel</name>
    <message>
        <source>{minutes} min · {progress}</source>
        <translation>{minutes} 分钟 · {progress}</translation>
    </message>
</context>
<context>
    <name>TutorialListPage</name>
    <message>
        <source>Tutorials</source>
        <translation>教程</translation>
    </message>
    <message>
        <source>Lessons from the developer guide. Each step sends a real request and checks what came back; they run in the local sandbox, with no AWS account.</source>
        <translation>来自开发人员指南的课程。每一步都会发送一个真实的请求并检查返回的内容；课程在本地沙盒中运行，无需 AWS 账户。</translation>
    </message>
    <message>
        <source>About the selected tutorial</source>
        <translation>关于所选教程</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start or continue the tutorial</source>
        <translation>开始或继续教程</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>重置进度</translation>
    </message>
    <message>
        <source>Forget your progress in the selected tutorial</source>
        <translation>清除您在所选教程中的进度</translation>
    </message>
    <message>
        <source>Tutorial files that could not be read</source>
        <translation>无法读取的教程文件</translation>
    </message>
    <message>
        <source>Some tutorial files could not be read:</source>
        <translation>部分教程文件无法读取：</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>适合：</translation>
    </message>
    <message>
        <source>About {minutes} minutes, {steps} steps.</source>
        <translation>约 {minutes} 分钟，共 {steps} 步。</translation>
    </message>
</context>
<context>
    <name>TutorialPanel</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation>课程标题</translation>
    </message>
    <message>
        <source>Step number</source>
        <translation>步骤编号</translation>
    </message>
    <message>
        <source>Where the lesson runs</source>
        <translation>课程的运行位置</translation>
    </message>
    <message>
        <source>The step&apos;s explanation</source>
        <translation>该步骤的说明</translation>
    </message>
    <message>
        <source>Open the request</source>
        <translation>打开请求</translation>
    </message>
    <message>
        <source>Open the step&apos;s request in the lesson&apos;s tab, without sending it</source>
        <translation>在课程的标签页中打开该步骤的请求，但不发送</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check the last answer in the lesson&apos;s tab</source>
        <translation>检查课程标签页中的最新响应</translation>
    </message>
    <message>
        <source>The result of each check</source>
        <translation>每项检查的结果</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>The previous step</source>
        <translation>上一个步骤</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>The next step</source>
        <translation>下一个步骤</translation>
    </message>
    <message>
        <source>All tutorials</source>
        <translation>所有教程</translation>
    </message>
    <message>
        <source>Back to the list of tutorials</source>
        <translation>返回教程列表</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>第 {number} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>This step is done on {service}; the workbench does not send it.</source>
        <translation>此步骤在 {service} 上完成；工作台不会发送它。</translation>
    </message>
    <message>
        <source>While this step is shown, the lesson&apos;s tab signs on purpose as the step says (in the sandbox only).</source>
        <translation>显示此步骤时，课程的标签页会按步骤所述有意地签名（仅在沙盒中）。</translation>
    </message>
    <message>
        <source>Nothing to send in this step: read it, then go on with Next.</source>
        <translation>此步骤无需发送：阅读后点击“下一步”继续。</translation>
    </message>
    <message>
        <source>You passed this step already. Open the request to do it again.</source>
        <translation>您已通过此步骤。打开请求即可再做一次。</translation>
    </message>
    <message>
        <source>Open the request, send it from its tab (Ctrl+Enter), then press Check.</source>
        <translation>打开请求，在其标签页中发送（Ctrl+Enter），然后点击“检查”。</translation>
    </message>
    <message>
        <source>{operation} in the library</source>
        <translation>库中的 {operation}</translation>
    </message>
    <message>
        <source>Troubleshooting: “{entry}”</source>
        <translation>故障排除：“{entry}”</translation>
    </message>
    <message>
        <source>This lesson runs in the local sandbox environment: nothing reaches AWS.</source>
        <translation>此课程在本地沙盒环境中运行：不会有任何内容到达 AWS。</translation>
    </message>
    <message>
        <source>This lesson runs in {environment}, an AWS environment: its requests create, send and delete for real.</source>
        <translation>此课程在 AWS 环境 {environment} 中运行：其请求会真实地创建、发送和删除。</translation>
    </message>
    <message>
        <source>Nothing was sent from the lesson&apos;s tab for this step yet. Open the request, send it, then check.</source>
        <translation>此步骤尚未从课程的标签页发送任何内容。打开请求并发送，然后检查。</translation>
    </message>
    <message>
        <source>The last request sent from the lesson&apos;s tab was {operation}, not this step&apos;s. Open the request again, send it, then check.</source>
        <translation>课程标签页最后发送的请求是 {operation}，不是此步骤的请求。请再次打开请求并发送，然后检查。</translation>
    </message>
    <message>
        <source>Step passed.</source>
        <translation>步骤已通过。</translation>
    </message>
    <message>
        <source>Not yet: see what differs below.</source>
        <translation>尚未通过：请查看下面的差异。</translation>
    </message>
    <message>
        <source>Kept for the next steps:</source>
        <translation>为后续步骤保留：</translation>
    </message>
    <message>
        <source>Troubleshooting: “{title}”</source>
        <translation>故障排除：“{title}”</translation>
    </message>
    <message>
        <source>The answer was HTTP {status}, as expected.</source>
        <translation>响应为 HTTP {status}，符合预期。</translation>
    </message>
    <message>
        <source>{path} is in the answer.</source>
        <translation>响应中包含 {path}。</translation>
    </message>
    <message>
        <source>The diagnosis {id} explains the answer, as this step intends.</source>
        <translation>诊断 {id} 解释了该响应，符合此步骤的意图。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event log has the event this step looks for.</source>
        <translation>沙盒的事件日志中有此步骤要找的事件。</translation>
    </message>
    <message>
        <source>{path} is {value}.</source>
        <translation>{path} 为 {value}。</translation>
    </message>
    <message>
        <source>Expected HTTP {expected}; the answer was HTTP {found}.</source>
        <translation>预期为 HTTP {expected}；实际响应为 HTTP {found}。</translation>
    </message>
    <message>
        <source>Expected {path} in the answer; it is not there.</source>
        <translation>预期响应中有 {path}；但其中没有。</translation>
    </message>
    <message>
        <source>Expected {path} to be {expected}; it is {found}.</source>
        <translation>预期 {path} 为 {expected}；实际为 {found}。</translation>
    </message>
    <message>
        <source>Expected {path} to match {pattern}; it is {found}.</source>
        <translation>预期 {path} 匹配 {pattern}；实际为 {found}。</translation>
    </message>
    <message>
        <source>no diagnosis</source>
        <translation>无诊断</translation>
    </message>
    <message>
        <source>Expected the diagnosis {expected}; this answer got {found}.</source>
        <translation>预期诊断为 {expected}；此响应得到的是 {found}。</translation>
    </message>
    <message>
        <source>Expected an event with {fields} in the sandbox&apos;s event log; none came since the request was opened.</source>
        <translation>预期沙盒的事件日志中有一个包含 {fields} 的事件；自打开请求以来没有此类事件。</translation>
    </message>
</context>
<context>
    <name>TutorialProgress</name>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <source>{passed} of %n step(s)</source>
        <translation>
            <numerusform>已完成 {passed}/%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>TutorialWiring</name>
    <message>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>send or pay for</source>
        <translation>发送或付费</translation>
    </message>
    <message>
        <source>overwrite or delete</source>
        <translation>覆盖或删除</translation>
    </message>
    <message>
        <source>Tutorials</source>
        <translation>教程</translation>
    </message>
    <message>
        <source>You finished the lesson “{title}”. All tutorials lists what else there is to learn.</source>
        <translation>您已完成课程“{title}”。“所有教程”中列出了其他可学习的内容。</translation>
    </message>
    <message>
        <source>This lesson runs in the sandbox only</source>
        <translation>此课程仅在沙盒中运行</translation>
    </message>
    <message>
        <source>“{title}” signs requests wrongly on purpose, with the sandbox&apos;s own identity; AWS would only refuse them. Switch to the local sandbox environment?</source>
        <translation>“{title}”会有意用沙盒自己的身份错误地签名请求；AWS 只会拒绝它们。要切换到本地沙盒环境吗？</translation>
    </message>
    <message>
        <source>Use the sandbox</source>
        <translation>使用沙盒</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{environment} is an AWS environment ({region}), not the local sandbox. Run against it, this lesson&apos;s requests would:
{changes}
They create real resources and may cost money.</source>
        <translation>{environment} 是 AWS 环境（{region}），不是本地沙盒。在其中运行时，此课程的请求将会：
{changes}
它们会创建真实的资源，并可能产生费用。</translation>
    </message>
    <message>
        <source>• only read</source>
        <translation>• 仅读取</translation>
    </message>
    <message>
        <source>Run this lesson against AWS?</source>
        <translation>在 AWS 上运行此课程？</translation>
    </message>
    <message>
        <source>Run it in {environment}</source>
        <translation>在 {environment} 中运行</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>作用域</translation>
    </message>
    <message>
        <source>environment {name}</source>
        <translation>环境 {name}</translation>
    </message>
    <message>
        <source>environment new</source>
        <translation>新环境</translation>
    </message>
    <message>
        <source>{name} is a secret: its value is kept in the OS keyring and never shown</source>
        <translation>{name} 是机密：其值保存在操作系统密钥环中，从不显示</translation>
    </message>
    <message>
        <source>{name} is a secret kept in the environments file: shown masked; a new value goes to the OS keyring</source>
        <translation>{name} 是保存在环境文件中的机密：以掩码显示；新值会存入操作系统密钥环</translation>
    </message>
    <message>
        <source> · OS keyring</source>
        <translation> · 操作系统密钥环</translation>
    </message>
    <message>
        <source> · file, masked</source>
        <translation> · 文件，已掩码</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>The library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>On the left: every operation of the four APIs, searchable (Ctrl+K opens the command palette to jump anywhere). Collections keep your saved requests; History every send.</source>
        <translation>左侧：四个 API 的所有操作，均可搜索（Ctrl+K 打开命令面板，可跳转到任何地方）。“集合”保存您已保存的请求；“历史记录”保存每一次发送。</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>In the middle: one tab per request. Method, URL and Send on one row (Ctrl+Enter); below: body, headers, signing; then the response and the signed request&apos;s inspection.</source>
        <translation>中间：每个请求一个标签页。方法、URL 和“发送”在同一行（Ctrl+Enter）；下方：正文、标头、签名；然后是响应和已签名请求的检视。</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Top right: the environment the request goes to (Ctrl+E). Environments → Manage adds AWS regions and their credentials, kept in the OS keyring.</source>
        <translation>右上角：请求要发往的环境（Ctrl+E）。“环境 → 管理”可添加 AWS 区域及其凭证，凭证保存在操作系统密钥环中。</translation>
    </message>
    <message>
        <source>The sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <source>Bottom right: the local sandbox that answers like AWS, with no account. Its menu starts, stops and resets it; F1 lists every shortcut.</source>
        <translation>右下角：像 AWS 一样响应的本地沙盒，无需账户。其菜单可启动、停止和重置它；F1 列出所有快捷键。</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to Pinpoint Workbench</source>
        <translation>欢迎使用 Pinpoint Workbench</translation>
    </message>
    <message>
        <source>Send signed requests to Amazon Pinpoint, End User Messaging SMS and voice, and Pinpoint Email — first to the local sandbox, which needs no AWS account.</source>
        <translation>向 Amazon Pinpoint、End User Messaging SMS 和语音以及 Pinpoint Email 发送已签名的请求 — 先发送到本地沙盒，无需 AWS 账户。</translation>
    </message>
    <message>
        <source>What the workbench does</source>
        <translation>工作台的用途</translation>
    </message>
    <message>
        <source>Try it with the local sandbox</source>
        <translation>用本地沙盒试一试</translation>
    </message>
    <message>
        <source>Try it with the local sandbox: send GetApps</source>
        <translation>用本地沙盒试一试：发送 GetApps</translation>
    </message>
    <message>
        <source>Add an AWS environment…</source>
        <translation>添加 AWS 环境…</translation>
    </message>
    <message>
        <source>Add an AWS environment</source>
        <translation>添加 AWS 环境</translation>
    </message>
    <message>
        <source>All tutorials…</source>
        <translation>所有教程…</translation>
    </message>
    <message>
        <source>All tutorials</source>
        <translation>所有教程</translation>
    </message>
    <message>
        <source>Send GetApps to the sandbox</source>
        <translation>将 GetApps 发送到沙盒</translation>
    </message>
    <message>
        <source>Send GetApps to the local sandbox</source>
        <translation>将 GetApps 发送到本地沙盒</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Show the history</source>
        <translation>显示历史记录</translation>
    </message>
    <message>
        <source>Manage environments…</source>
        <translation>管理环境…</translation>
    </message>
    <message>
        <source>Manage environments</source>
        <translation>管理环境</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>The lessons are loading…</source>
        <translation>正在加载课程…</translation>
    </message>
    <message>
        <source>Recent work</source>
        <translation>最近的工作</translation>
    </message>
    <message>
        <source>Nothing sent yet. Every request you send is kept in the history, with its answer, and comes back here; the first can go to the local sandbox, or come from a lesson.</source>
        <translation>尚未发送任何内容。您发送的每个请求及其响应都会保存在历史记录中，并显示在这里；第一个请求可以发送到本地沙盒，也可以来自某个课程。</translation>
    </message>
    <message>
        <source>Only the local sandbox so far. An AWS environment is a region, an account and where its credentials come from: the OS keyring, an AWS profile or the process environment. Secrets never go to a file.</source>
        <translation>目前只有本地沙盒。AWS 环境由区域、账户和凭证来源组成：操作系统密钥环、AWS 配置文件或进程环境。机密从不写入文件。</translation>
    </message>
    <message>
        <source>Tour step</source>
        <translation>导览步骤</translation>
    </message>
    <message>
        <source>Tour text</source>
        <translation>导览文字</translation>
    </message>
    <message>
        <source>Take the tour</source>
        <translation>开始导览</translation>
    </message>
    <message>
        <source>Next tour step</source>
        <translation>下一个导览步骤</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Skip the tour</source>
        <translation>跳过导览</translation>
    </message>
    <message>
        <source>Start the tutorial {title} ({progress})</source>
        <translation>开始教程 {title}（{progress}）</translation>
    </message>
    <message>
        <source>{minutes} min, {progress}. {summary}</source>
        <translation>{minutes} 分钟，{progress}。{summary}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>{operation} in {environment}: {status}</source>
        <translation>{environment} 中的 {operation}：{status}</translation>
    </message>
    <message>
        <source>Reopen {request}</source>
        <translation>重新打开 {request}</translation>
    </message>
    <message>
        <source>local sandbox</source>
        <translation>本地沙盒</translation>
    </message>
    <message>
        <source>{region}, PRODUCTION</source>
        <translation>{region}，生产</translation>
    </message>
    <message>
        <source>Use the environment {name}</source>
        <translation>使用环境 {name}</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <source>&amp;Environments</source>
        <translation>环境(&amp;E)</translation>
    </message>
    <message>
        <source>Manage environments…</source>
        <translation>管理环境…</translation>
    </message>
    <message>
        <source>Credentials of this environment…</source>
        <translation>此环境的凭证…</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>命令面板…</translation>
    </message>
    <message>
        <source>Compare in two environments…</source>
        <translation>在两个环境中比较…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Welcome and tour</source>
        <translation>欢迎和导览</translation>
    </message>
    <message>
        <source>Tutorials</source>
        <translation>教程</translation>
    </message>
    <message>
        <source>Troubleshooting guide</source>
        <translation>故障排除指南</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <source>Sandbox events</source>
        <translation>沙盒事件</translation>
    </message>
    <message>
        <source>Sandbox event log</source>
        <translation>沙盒事件日志</translation>
    </message>
    <message>
        <source>preferences: {problem}</source>
        <translation>首选项：{problem}</translation>
    </message>
    <message>
        <source>preferences saved to {path}</source>
        <translation>首选项已保存到 {path}</translation>
    </message>
    <message>
        <source> · production</source>
        <translation> · 生产</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>unexpected failure: {error}</source>
        <translation>意外失败：{error}</translation>
    </message>
</context>
</TS>
