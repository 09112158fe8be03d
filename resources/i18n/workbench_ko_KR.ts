<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BundleDialog</name>
    <message>
        <source>Sent in {name} ({region}, account {account}) on {when}</source>
        <translation>{when}에 {name}({region}, 계정 {account})에서 보냄</translation>
    </message>
    <message>
        <source>Answer: HTTP {status}</source>
        <translation>응답: HTTP {status}</translation>
    </message>
    <message>
        <source>No answer: {message}</source>
        <translation>응답 없음: {message}</translation>
    </message>
    <message>
        <source>Reproduction bundle</source>
        <translation>재현 번들</translation>
    </message>
    <message>
        <source>Reproduction bundle: {path}</source>
        <translation>재현 번들: {path}</translation>
    </message>
    <message>
        <source>What the bundle holds</source>
        <translation>번들에 담긴 내용</translation>
    </message>
    <message>
        <source>Open as a request</source>
        <translation>요청으로 열기</translation>
    </message>
    <message>
        <source>Open the bundle&apos;s request in a tab</source>
        <translation>번들의 요청을 탭에서 열기</translation>
    </message>
    <message>
        <source>Reproduce in the sandbox</source>
        <translation>샌드박스에서 재현</translation>
    </message>
    <message>
        <source>Load the bundle&apos;s answer into the sandbox and send its request there</source>
        <translation>번들의 응답을 샌드박스에 로드하고 그 요청을 샌드박스로 보내기</translation>
    </message>
    <message>
        <source>Reading the bundle…</source>
        <translation>번들을 읽는 중…</translation>
    </message>
    <message>
        <source>Bundle status</source>
        <translation>번들 상태</translation>
    </message>
    <message>
        <source>Not a usable bundle: {error}</source>
        <translation>사용할 수 없는 번들: {error}</translation>
    </message>
    <message>
        <source>Reproduce it in the sandbox to get the same answer there, then try a fix.</source>
        <translation>샌드박스에서 재현해 같은 응답을 받은 다음 해결 방법을 시도해 보세요.</translation>
    </message>
    <message>
        <source>Scenario {name} loaded into the sandbox: its request is sent there in a new tab.</source>
        <translation>샌드박스에 시나리오를 로드했습니다: {name}. 그 요청은 새 탭에서 샌드박스로 보냅니다.</translation>
    </message>
    <message>
        <source>Not reproduced: {error}</source>
        <translation>재현하지 못함: {error}</translation>
    </message>
</context>
<context>
    <name>CollectionsPane</name>
    <message>
        <source>Saved requests</source>
        <translation>저장된 요청</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>명령 팔레트</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>이동…</translation>
    </message>
    <message>
        <source>Search operations, environments, requests, history, actions</source>
        <translation>작업, 환경, 요청, 기록, 동작 검색</translation>
    </message>
    <message>
        <source>operation, environment, saved request, history, action…</source>
        <translation>작업, 환경, 저장된 요청, 기록, 동작…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>일치 항목</translation>
    </message>
    <message>
        <source>Number of matches</source>
        <translation>일치 항목 수</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>일치 항목 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Compare across environments</source>
        <translation>환경 간 비교</translation>
    </message>
    <message>
        <source>Left environment</source>
        <translation>왼쪽 환경</translation>
    </message>
    <message>
        <source>Right environment</source>
        <translation>오른쪽 환경</translation>
    </message>
    <message>
        <source>Send in both</source>
        <translation>두 환경에서 보내기</translation>
    </message>
    <message>
        <source>Send the request in both environments</source>
        <translation>두 환경에서 요청 보내기</translation>
    </message>
    <message>
        <source>Request compared</source>
        <translation>비교하는 요청</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>대</translation>
    </message>
    <message>
        <source>Pick two environments and send.</source>
        <translation>두 환경을 고른 다음 보내세요.</translation>
    </message>
    <message>
        <source>Differences found</source>
        <translation>찾은 차이</translation>
    </message>
    <message>
        <source>Left status</source>
        <translation>왼쪽 상태</translation>
    </message>
    <message>
        <source>Right status</source>
        <translation>오른쪽 상태</translation>
    </message>
    <message>
        <source>Left body</source>
        <translation>왼쪽 본문</translation>
    </message>
    <message>
        <source>Right body</source>
        <translation>오른쪽 본문</translation>
    </message>
    <message>
        <source>Headers compared</source>
        <translation>헤더 비교</translation>
    </message>
    <message>
        <source>Signing compared</source>
        <translation>서명 비교</translation>
    </message>
    <message>
        <source>Body, headers, signing</source>
        <translation>본문, 헤더, 서명</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>서명</translation>
    </message>
    <message>
        <source>Open a request first (Compare works on the current tab).</source>
        <translation>먼저 요청을 여세요(비교는 현재 탭을 대상으로 합니다).</translation>
    </message>
    <message>
        <source>Sending in {left} and {right}…</source>
        <translation>{left} 및 {right}에서 보내는 중…</translation>
    </message>
    <message>
        <source>Not compared: the request cannot be sent in {env}: {reason}</source>
        <translation>비교하지 않음: {env}에서 요청을 보낼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Not compared: {reason}</source>
        <translation>비교하지 않음: {reason}</translation>
    </message>
    <message>
        <source>{env}: not sent</source>
        <translation>{env}: 보내지 않음</translation>
    </message>
    <message>
        <source>{env}: not sent (the other side could not be)</source>
        <translation>{env}: 보내지 않음(다른 쪽을 보낼 수 없음)</translation>
    </message>
    <message>
        <source>{fix} in {env}</source>
        <translation>{env}에서 {fix}</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) ({mark} marks them)</source>
        <translation>
            <numerusform>차이 %n개({mark} 표시)</numerusform>
        </translation>
    </message>
    <message>
        <source>no difference (headers that change on every send aside)</source>
        <translation>차이 없음(보낼 때마다 바뀌는 헤더 제외)</translation>
    </message>
</context>
<context>
    <name>CompareRowsModel</name>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>left</source>
        <translation>왼쪽</translation>
    </message>
    <message>
        <source>right</source>
        <translation>오른쪽</translation>
    </message>
    <message>
        <source>changes on every send</source>
        <translation>보낼 때마다 바뀜</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>다름</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message numerus="yes">
        <source>%n library file(s) could not be read</source>
        <translation>
            <numerusform>라이브러리 파일 %n개를 읽을 수 없습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>variable {name} saved as a global variable</source>
        <translation>전역 변수로 저장했습니다: {name}</translation>
    </message>
    <message>
        <source>variable {name} saved in environment {environment}</source>
        <translation>{environment} 환경에 변수를 저장했습니다: {name}</translation>
    </message>
    <message numerus="yes">
        <source>saved %Ln byte(s) to {path}</source>
        <translation>
            <numerusform>%Ln바이트를 저장했습니다: {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialStatus</name>
    <message>
        <source>keyring unavailable: {reason}</source>
        <translation>키링 사용 불가: {reason}</translation>
    </message>
    <message>
        <source>keyring unavailable (hover for why)</source>
        <translation>키링 사용 불가(원인은 마우스를 올려 확인)</translation>
    </message>
    <message>
        <source>credentials missing: {reason}</source>
        <translation>보안 인증 정보 없음: {reason}</translation>
    </message>
    <message>
        <source>credentials missing (hover for why)</source>
        <translation>보안 인증 정보 없음(원인은 마우스를 올려 확인)</translation>
    </message>
    <message>
        <source>credentials not usable: {reason}</source>
        <translation>보안 인증 정보 사용 불가: {reason}</translation>
    </message>
    <message>
        <source>credentials not usable (hover for why)</source>
        <translation>보안 인증 정보 사용 불가(원인은 마우스를 올려 확인)</translation>
    </message>
    <message>
        <source>local sandbox not running: {reason}</source>
        <translation>로컬 샌드박스가 실행되지 않음: {reason}</translation>
    </message>
    <message>
        <source>local sandbox not running (hover for why)</source>
        <translation>로컬 샌드박스 실행 안 됨(원인은 마우스를 올려 확인)</translation>
    </message>
    <message>
        <source>credentials: kept for this session only, {key}</source>
        <translation>보안 인증 정보: 이 세션에만 보관, {key}</translation>
    </message>
    <message>
        <source>session-only credentials</source>
        <translation>이 세션 전용 보안 인증 정보</translation>
    </message>
    <message>
        <source>credentials: {source}, {key}</source>
        <translation>보안 인증 정보: {source}, {key}</translation>
    </message>
    <message>
        <source>sandbox identity, {address}</source>
        <translation>샌드박스 신원, {address}</translation>
    </message>
    <message>
        <source>local sandbox: starting…</source>
        <translation>로컬 샌드박스: 시작하는 중…</translation>
    </message>
    <message>
        <source>local sandbox: stopping…</source>
        <translation>로컬 샌드박스: 중지하는 중…</translation>
    </message>
    <message>
        <source>local sandbox: resetting…</source>
        <translation>로컬 샌드박스: 초기화하는 중…</translation>
    </message>
    <message>
        <source>local sandbox: restarting…</source>
        <translation>로컬 샌드박스: 다시 시작하는 중…</translation>
    </message>
    <message>
        <source>local sandbox: stopped (a send starts it again)</source>
        <translation>로컬 샌드박스: 중지됨(요청을 보내면 다시 시작)</translation>
    </message>
    <message>
        <source>local sandbox: not started (cancelled)</source>
        <translation>로컬 샌드박스: 시작하지 않음(취소됨)</translation>
    </message>
    <message>
        <source>OS keyring</source>
        <translation>OS 키링</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS 프로필</translation>
    </message>
    <message>
        <source>process environment (AWS_ACCESS_KEY_ID…)</source>
        <translation>프로세스 환경(AWS_ACCESS_KEY_ID…)</translation>
    </message>
    <message>
        <source>local sandbox identity</source>
        <translation>로컬 샌드박스 신원</translation>
    </message>
    <message>
        <source>AWS profile {name}</source>
        <translation>AWS 프로필 {name}</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>The SSO session has expired: run  aws sso login --profile {profile}  in a terminal, then Test.</source>
        <translation>SSO 세션이 만료되었습니다. 터미널에서  aws sso login --profile {profile}  을 실행한 다음 [테스트]를 누르세요.</translation>
    </message>
    <message>
        <source>Credentials of {name}</source>
        <translation>{name}의 보안 인증 정보</translation>
    </message>
    <message>
        <source>Credentials — {name}</source>
        <translation>보안 인증 정보 — {name}</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>Stored credentials</source>
        <translation>저장된 보안 인증 정보</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>액세스 키 ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>비밀 액세스 키</translation>
    </message>
    <message>
        <source>typed here, kept in the keyring, never shown again</source>
        <translation>여기에 입력하면 키링에 보관되며 다시 표시되지 않습니다</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>세션 토큰</translation>
    </message>
    <message>
        <source>optional (temporary credentials)</source>
        <translation>선택 사항(임시 보안 인증 정보)</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>Where the credentials come from</source>
        <translation>보안 인증 정보의 출처</translation>
    </message>
    <message>
        <source>No keyring: choices</source>
        <translation>키링 없음: 선택할 수 있는 방법</translation>
    </message>
    <message>
        <source>Why the keyring cannot be used</source>
        <translation>키링을 사용할 수 없는 이유</translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation>이 세션에만 보관</translation>
    </message>
    <message>
        <source>Keep the credentials for this session only</source>
        <translation>보안 인증 정보를 이 세션에만 보관</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save the credentials</source>
        <translation>보안 인증 정보 저장</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Test the credentials with a signed read</source>
        <translation>서명된 읽기 요청으로 보안 인증 정보 테스트</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Delete the stored credentials</source>
        <translation>저장된 보안 인증 정보 삭제</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>테스트 결과</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>{name} ({region}) takes its credentials from: {source}.</source>
        <translation>{name}({region})의 보안 인증 정보 출처: {source}.</translation>
    </message>
    <message>
        <source>Nothing to type here; Test checks them.</source>
        <translation>여기에 입력할 것은 없습니다. [테스트]로 확인하세요.</translation>
    </message>
    <message>
        <source>The OS keyring is not usable here ({reason}).
Pinpoint Workbench never stores secrets in a file. You can:
  • keep these credentials for this session only: in memory, forgotten when the window closes;
  • use an AWS profile instead (Environments → Credentials from: AWS profile);
  • unlock or install a keyring (gnome-keyring, KWallet; macOS and Windows have one), then Save again.</source>
        <translation>여기서는 OS 키링을 사용할 수 없습니다({reason}).
Pinpoint Workbench는 비밀 값을 파일에 저장하지 않습니다. 다음 중 하나를 선택하세요.
  • 이 보안 인증 정보를 이 세션에만 보관: 메모리에 두며 창을 닫으면 잊습니다.
  • 대신 AWS 프로필 사용(환경 → 보안 인증 정보 출처: AWS 프로필).
  • 키링을 잠금 해제하거나 설치(gnome-keyring, KWallet, macOS와 Windows에는 기본 제공)한 다음 다시 저장.</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>testing: a signed GetApps…</source>
        <translation>테스트하는 중: 서명된 GetApps…</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>{operation} at {host} ({region}): {status}</source>
        <translation>{host}({region})의 {operation}: {status}</translation>
    </message>
    <message>
        <source> — the credentials work</source>
        <translation> — 보안 인증 정보가 작동합니다</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>보내지 않음</translation>
    </message>
    <message>
        <source>identity: {identity}</source>
        <translation>신원: {identity}</translation>
    </message>
    <message>
        <source>error: {error}</source>
        <translation>오류: {error}</translation>
    </message>
</context>
<context>
    <name>DiagnosisPane</name>
    <message>
        <source>Likely cause:</source>
        <translation>가능한 원인:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>근거</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>First difference</source>
        <translation>첫 번째 차이</translation>
    </message>
    <message>
        <source>ours:</source>
        <translation>보낸 값:</translation>
    </message>
    <message>
        <source>expected:</source>
        <translation>예상 값:</translation>
    </message>
    <message>
        <source>({part} line {line})</source>
        <translation>({part} {line}행)</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>No diagnosis: send a request.</source>
        <translation>진단 없음: 요청을 보내세요.</translation>
    </message>
    <message>
        <source>Diagnosis headline</source>
        <translation>진단 요약</translation>
    </message>
    <message>
        <source>Diagnosis details</source>
        <translation>진단 세부 정보</translation>
    </message>
    <message>
        <source>No problem found in the last answer.</source>
        <translation>마지막 응답에서 문제를 찾지 못했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found: {titles}</source>
        <translation>
            <numerusform>문제 %n개 발견: {titles}</numerusform>
        </translation>
    </message>
    <message>
        <source>Diagnosis: {title}</source>
        <translation>진단: {title}</translation>
    </message>
    <message>
        <source>{fix}: what to paste</source>
        <translation>{fix}: 붙여 넣을 내용</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy: {fix}</source>
        <translation>복사: {fix}</translation>
    </message>
</context>
<context>
    <name>DiagnosisWiring</name>
    <message>
        <source>Diagnosis</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>IAM policy statement copied</source>
        <translation>IAM 정책 문을 복사했습니다</translation>
    </message>
    <message>
        <source>no window action for {action}</source>
        <translation>창에 {action}에 해당하는 동작이 없습니다</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>this environment ({env})</source>
        <translation>이 환경({env})</translation>
    </message>
    <message>
        <source>global (every environment)</source>
        <translation>전역(모든 환경)</translation>
    </message>
    <message>
        <source>this request only</source>
        <translation>이 요청에만</translation>
    </message>
    <message>
        <source>Save as variable</source>
        <translation>변수로 저장</translation>
    </message>
    <message>
        <source>Save {value} as the variable:</source>
        <translation>{value} 값을 저장할 변수:</translation>
    </message>
    <message>
        <source>Variable name</source>
        <translation>변수 이름</translation>
    </message>
    <message>
        <source>Variable scope</source>
        <translation>변수 범위</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>보내지 않기</translation>
    </message>
</context>
<context>
    <name>EnvironmentActions</name>
    <message>
        <source>environment {name} added</source>
        <translation>환경을 추가했습니다: {name}</translation>
    </message>
    <message>
        <source>environment {name} saved</source>
        <translation>환경을 저장했습니다: {name}</translation>
    </message>
    <message>
        <source>environment {name}: nothing changed</source>
        <translation>환경 {name}: 변경 사항 없음</translation>
    </message>
    <message>
        <source>environment {name} deleted with its keyring entries</source>
        <translation>환경과 키링 항목을 삭제했습니다: {name}</translation>
    </message>
    <message>
        <source>environment {name} deleted</source>
        <translation>환경을 삭제했습니다: {name}</translation>
    </message>
    <message>
        <source>environment {name} duplicated as {copy} ({region})</source>
        <translation>환경 {name}의 사본을 만들었습니다: {copy}({region})</translation>
    </message>
    <message>
        <source>imported {name}, its access key in the keyring</source>
        <translation>가져왔습니다: {name}, 액세스 키는 키링에 보관</translation>
    </message>
    <message>
        <source>imported {name}</source>
        <translation>가져왔습니다: {name}</translation>
    </message>
    <message>
        <source>cannot tell: {error}</source>
        <translation>알 수 없음: {error}</translation>
    </message>
    <message>
        <source>no usable keyring</source>
        <translation>사용할 수 있는 키링 없음</translation>
    </message>
    <message>
        <source>stored for this session only, {detail}</source>
        <translation>이 세션에만 저장됨, {detail}</translation>
    </message>
    <message>
        <source>stored in the keyring, {detail}</source>
        <translation>키링에 저장됨, {detail}</translation>
    </message>
    <message>
        <source>nothing stored</source>
        <translation>저장된 것 없음</translation>
    </message>
    <message>
        <source>for this session only</source>
        <translation>이 세션에만</translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation>키링에</translation>
    </message>
    <message>
        <source>saved: {key} stored {where}</source>
        <translation>저장됨: {key}, 보관 위치: {where}</translation>
    </message>
    <message>
        <source>not saved: the OS keyring is not usable ({reason}); choose one of the ways below</source>
        <translation>저장하지 않음: OS 키링을 사용할 수 없습니다({reason}). 아래 방법 중 하나를 선택하세요</translation>
    </message>
    <message>
        <source>not saved: {error}</source>
        <translation>저장하지 않음: {error}</translation>
    </message>
    <message>
        <source>credentials of {name} cleared</source>
        <translation>{name}의 보안 인증 정보를 지웠습니다</translation>
    </message>
    <message>
        <source>nothing was stored for {name}</source>
        <translation>{name}에 저장된 것이 없습니다</translation>
    </message>
    <message>
        <source>not cleared: {error}</source>
        <translation>지우지 않음: {error}</translation>
    </message>
</context>
<context>
    <name>EnvironmentBar</name>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Switch environment (Ctrl+E)</source>
        <translation>환경 전환(Ctrl+E)</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>프로덕션</translation>
    </message>
    <message>
        <source>Production environment</source>
        <translation>프로덕션 환경</translation>
    </message>
    <message>
        <source>Credential status</source>
        <translation>보안 인증 정보 상태</translation>
    </message>
    <message>
        <source>Stop starting the local sandbox</source>
        <translation>로컬 샌드박스 시작 중단</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>환경:</translation>
    </message>
    <message>
        <source>Environment colour</source>
        <translation>환경 색상</translation>
    </message>
</context>
<context>
    <name>EnvironmentListModel</name>
    <message>
        <source>, PRODUCTION</source>
        <translation>, 프로덕션</translation>
    </message>
    <message>
        <source>production: destructive and sending operations ask first</source>
        <translation>프로덕션: 파괴적인 작업과 발송 작업은 먼저 확인합니다</translation>
    </message>
    <message>
        <source>not production</source>
        <translation>프로덕션 아님</translation>
    </message>
    <message>
        <source>, colour {colour}</source>
        <translation>, 색상 {colour}</translation>
    </message>
</context>
<context>
    <name>EnvironmentManager</name>
    <message>
        <source>not offered</source>
        <translation>제공되지 않음</translation>
    </message>
    <message>
        <source>Environment manager</source>
        <translation>환경 관리자</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>새로 만들기…</translation>
    </message>
    <message>
        <source>Create an environment</source>
        <translation>환경 만들기</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>복제…</translation>
    </message>
    <message>
        <source>Duplicate into another region</source>
        <translation>다른 리전으로 복제</translation>
    </message>
    <message>
        <source>Import Postman…</source>
        <translation>Postman 가져오기…</translation>
    </message>
    <message>
        <source>Import a Postman environment</source>
        <translation>Postman 환경 가져오기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the environment</source>
        <translation>환경 삭제</translation>
    </message>
    <message>
        <source>Environment name</source>
        <translation>환경 이름</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>리전</translation>
    </message>
    <message>
        <source>APIs the region offers</source>
        <translation>리전에서 제공하는 API</translation>
    </message>
    <message>
        <source>AWS account ID</source>
        <translation>AWS 계정 ID</translation>
    </message>
    <message>
        <source>12 digits (optional)</source>
        <translation>12자리 숫자(선택 사항)</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색상</translation>
    </message>
    <message>
        <source>#c62828 or a colour name (optional)</source>
        <translation>#c62828 또는 색상 이름(선택 사항)</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 번들</translation>
    </message>
    <message>
        <source>a PEM file of CAs to trust, e.g. a corporate proxy&apos;s (optional)</source>
        <translation>신뢰할 CA의 PEM 파일(예: 회사 프록시의 CA, 선택 사항)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>CA 번들 파일 선택</translation>
    </message>
    <message>
        <source>production: confirm before anything destructive or sending</source>
        <translation>프로덕션: 파괴적인 작업이나 발송 전에 확인</translation>
    </message>
    <message>
        <source>Production environment</source>
        <translation>프로덕션 환경</translation>
    </message>
    <message>
        <source>Credentials from</source>
        <translation>보안 인증 정보 출처</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS 프로필</translation>
    </message>
    <message>
        <source>About the profile</source>
        <translation>프로필 정보</translation>
    </message>
    <message>
        <source>Host overrides</source>
        <translation>호스트 재정의</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>변수 추가</translation>
    </message>
    <message>
        <source>Add a variable</source>
        <translation>변수 추가</translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation>변수 제거</translation>
    </message>
    <message>
        <source>Remove the selected variable</source>
        <translation>선택한 변수 제거</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save the environment</source>
        <translation>환경 저장</translation>
    </message>
    <message>
        <source>Credentials…</source>
        <translation>보안 인증 정보…</translation>
    </message>
    <message>
        <source>Credentials of the environment</source>
        <translation>환경의 보안 인증 정보</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>계정 ID</translation>
    </message>
    <message>
        <source>  ({count} of 4 APIs not offered)</source>
        <translation>  (API 4개 중 {count}개 제공되지 않음)</translation>
    </message>
    <message>
        <source>{name} (not in the AWS config)</source>
        <translation>{name}(AWS 구성에 없음)</translation>
    </message>
    <message>
        <source>No profiles in the AWS config (~/.aws/config, ~/.aws/credentials).</source>
        <translation>AWS 구성에 프로필이 없습니다(~/.aws/config, ~/.aws/credentials).</translation>
    </message>
    <message>
        <source>SSO profile: if its token has expired, run  aws sso login --profile {name}  in a terminal, then Test.</source>
        <translation>SSO 프로필: 토큰이 만료되었으면 터미널에서  aws sso login --profile {name}  을 실행한 다음 [테스트]를 누르세요.</translation>
    </message>
    <message>
        <source>the built-in sandbox: only its variables can change</source>
        <translation>기본 제공 샌드박스: 변수만 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>pick a region, name it, Save</source>
        <translation>리전을 고르고 이름을 정한 다음 저장하세요</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.cer);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>select an AWS environment to duplicate</source>
        <translation>복제할 AWS 환경을 선택하세요</translation>
    </message>
    <message>
        <source>Duplicate into a region</source>
        <translation>리전으로 복제</translation>
    </message>
    <message>
        <source>Duplicate {name} into:</source>
        <translation>{name} 복제 대상:</translation>
    </message>
    <message>
        <source>Name of the copy</source>
        <translation>사본 이름</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Postman environment (*.json);;All files (*)</source>
        <translation>Postman 환경 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>importing {path}…</source>
        <translation>가져오는 중: {path}…</translation>
    </message>
    <message>
        <source>the sandbox environment is built in; nothing to delete</source>
        <translation>샌드박스 환경은 기본 제공이므로 삭제할 것이 없습니다</translation>
    </message>
    <message>
        <source>Delete the environment {name} ({region}), its stored credentials and secret variables?</source>
        <translation>환경 {name}({region})과 저장된 보안 인증 정보, 비밀 변수를 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>유지</translation>
    </message>
</context>
<context>
    <name>FetchPagesView</name>
    <message>
        <source>page {number}: not sent: {error}</source>
        <translation>{number}페이지: 보내지 않음: {error}</translation>
    </message>
    <message>
        <source>, asked with token {token}</source>
        <translation>, 요청 토큰 {token}</translation>
    </message>
    <message>
        <source>, gave token {token}</source>
        <translation>, 받은 토큰 {token}</translation>
    </message>
    <message>
        <source>page {number}</source>
        <translation>{number}페이지</translation>
    </message>
    <message>
        <source>, the last</source>
        <translation>, 마지막 페이지</translation>
    </message>
    <message>
        <source>no response: {error}</source>
        <translation>응답 없음: {error}</translation>
    </message>
    <message>
        <source>What was signed:</source>
        <translation>서명한 내용:</translation>
    </message>
    <message>
        <source>Fetch all pages of {operation}</source>
        <translation>{operation}의 모든 페이지 가져오기</translation>
    </message>
    <message>
        <source>Fetch all pages: {operation} in {environment}</source>
        <translation>모든 페이지 가져오기: {environment}의 {operation}</translation>
    </message>
    <message>
        <source>Items per page (0: the service&apos;s default)</source>
        <translation>페이지당 항목 수(0: 서비스 기본값)</translation>
    </message>
    <message>
        <source>Stop after this many items (0: all)</source>
        <translation>이 항목 수에 도달하면 중지(0: 전부)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전부</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Fetch every page</source>
        <translation>모든 페이지 가져오기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop fetching (keeps the pages that came)</source>
        <translation>가져오기 중지(받은 페이지는 유지)</translation>
    </message>
    <message>
        <source>Save merged result…</source>
        <translation>병합 결과 저장…</translation>
    </message>
    <message>
        <source>Save the merged result as JSON</source>
        <translation>병합 결과를 JSON으로 저장</translation>
    </message>
    <message>
        <source>Not fetched yet.</source>
        <translation>아직 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>Pages and items fetched</source>
        <translation>가져온 페이지와 항목</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>페이지 크기</translation>
    </message>
    <message>
        <source>Max items</source>
        <translation>최대 항목 수</translation>
    </message>
    <message>
        <source>The pages fetched</source>
        <translation>가져온 페이지</translation>
    </message>
    <message>
        <source>The selected page: what was signed, what came back</source>
        <translation>선택한 페이지: 서명한 내용과 돌아온 내용</translation>
    </message>
    <message>
        <source>Every page merged, as the AWS CLI shows it</source>
        <translation>AWS CLI처럼 모든 페이지를 병합한 결과</translation>
    </message>
    <message>
        <source>Merged result or one page</source>
        <translation>병합 결과 또는 한 페이지</translation>
    </message>
    <message>
        <source>Merged result</source>
        <translation>병합 결과</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <source>Fetching… {progress}</source>
        <translation>가져오는 중… {progress}</translation>
    </message>
    <message>
        <source>every page</source>
        <translation>모든 페이지</translation>
    </message>
    <message>
        <source>stopped at the maximum</source>
        <translation>최대치에서 중지</translation>
    </message>
    <message>
        <source>cancelled: the pages that came are kept</source>
        <translation>취소됨: 받은 페이지는 유지</translation>
    </message>
    <message>
        <source>a page failed</source>
        <translation>페이지 하나가 실패함</translation>
    </message>
    <message>
        <source>the service gave the same token twice</source>
        <translation>서비스가 같은 토큰을 두 번 반환함</translation>
    </message>
    <message>
        <source>; history #{id}</source>
        <translation>; 기록 #{id}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n페이지</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>항목 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>… (the first {size} KB shown; Save keeps all of it)</source>
        <translation>…(처음 {size}KB만 표시, 저장하면 전부 보관)</translation>
    </message>
    <message>
        <source>Not fetched: {error}</source>
        <translation>가져오지 않음: {error}</translation>
    </message>
    <message>
        <source>Save the merged result</source>
        <translation>병합 결과 저장</translation>
    </message>
    <message>
        <source>{status} — saved to {path}</source>
        <translation>{status} — 저장 위치: {path}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>저장하지 않음: {error}</translation>
    </message>
</context>
<context>
    <name>FileIntents</name>
    <message>
        <source>could not read the response body: {error}</source>
        <translation>응답 본문을 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>cannot open {path}: {error}</source>
        <translation>열 수 없음: {path}: {error}</translation>
    </message>
    <message>
        <source>not saved: {error}</source>
        <translation>저장하지 않음: {error}</translation>
    </message>
</context>
<context>
    <name>GuidePane</name>
    <message>
        <source>Symptoms</source>
        <translation>증상</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>원인</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>출처: {source}</translation>
    </message>
    <message>
        <source>Troubleshooting guide</source>
        <translation>문제 해결 가이드</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>가이드 검색</translation>
    </message>
    <message>
        <source>search: security token, not authorized, opted out, throttling…</source>
        <translation>검색: 보안 토큰, 권한 없음, 옵트아웃, 제한…</translation>
    </message>
    <message>
        <source>Known problem</source>
        <translation>알려진 문제</translation>
    </message>
    <message>
        <source>Known problems</source>
        <translation>알려진 문제</translation>
    </message>
    <message>
        <source>The problem, its cause and steps</source>
        <translation>문제와 원인, 단계</translation>
    </message>
    <message>
        <source>Number of problems listed</source>
        <translation>표시된 문제 수</translation>
    </message>
    <message>
        <source>{shown} of {total} known problems</source>
        <translation>알려진 문제 {total}개 중 {shown}개</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing matches. Try fewer words.&lt;/p&gt;</source>
        <translation>&lt;p&gt;일치하는 항목이 없습니다. 단어 수를 줄여 보세요.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HealthReportModel</name>
    <message>
        <source>Finding</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>note</source>
        <translation>참고</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Account health</source>
        <translation>계정 상태</translation>
    </message>
    <message>
        <source>Environment to check</source>
        <translation>점검할 환경</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>점검</translation>
    </message>
    <message>
        <source>Run the health check</source>
        <translation>상태 점검 실행</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel the health check</source>
        <translation>상태 점검 취소</translation>
    </message>
    <message>
        <source>Calls made</source>
        <translation>수행한 호출</translation>
    </message>
    <message>
        <source>%v of %m calls</source>
        <translation>호출 %m개 중 %v개</translation>
    </message>
    <message>
        <source>Pick an environment and check it: read-only calls, nothing is changed.</source>
        <translation>환경을 골라 점검하세요. 읽기 전용 호출이며 아무것도 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>Health check summary</source>
        <translation>상태 점검 요약</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Findings by area</source>
        <translation>영역별 발견 사항</translation>
    </message>
    <message>
        <source>The finding&apos;s evidence and next step</source>
        <translation>발견 사항의 근거와 다음 단계</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>HTML 내보내기…</translation>
    </message>
    <message>
        <source>Export the report as HTML</source>
        <translation>보고서를 HTML로 내보내기</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON 내보내기…</translation>
    </message>
    <message>
        <source>Export the report as JSON</source>
        <translation>보고서를 JSON으로 내보내기</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>{name} 점검 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>오류 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>경고 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>참고 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in {seconds} s</source>
        <translation>
            <numerusform>호출 %n개, {seconds}초</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no report.</source>
        <translation>취소됨: 보고서 없음.</translation>
    </message>
    <message>
        <source>The check could not run: {error}</source>
        <translation>점검을 실행할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>근거</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <source>Open it in the troubleshooting guide</source>
        <translation>문제 해결 가이드에서 열기</translation>
    </message>
    <message>
        <source>Open {operation} in a tab</source>
        <translation>탭에서 {operation} 열기</translation>
    </message>
    <message>
        <source>Export the health report</source>
        <translation>상태 보고서 내보내기</translation>
    </message>
    <message>
        <source>{summary} — exported to {path}</source>
        <translation>{summary} — 내보낸 위치: {path}</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>내보내지 않음: {error}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>보내지 않음</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>모든 상태</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>Filter history by environment or operation</source>
        <translation>환경이나 작업으로 기록 필터링</translation>
    </message>
    <message>
        <source>Filter: environment, operation…</source>
        <translation>필터: 환경, 작업…</translation>
    </message>
    <message>
        <source>Filter history by status</source>
        <translation>상태로 기록 필터링</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>요청 기록</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>더 불러오기</translation>
    </message>
    <message>
        <source>Load older history entries</source>
        <translation>이전 기록 항목 불러오기</translation>
    </message>
</context>
<context>
    <name>HostOverridesModel</name>
    <message>
        <source>host (empty: AWS&apos;s host for the region)</source>
        <translation>호스트(비워 두면 리전의 AWS 호스트)</translation>
    </message>
</context>
<context>
    <name>InspectPane</name>
    <message>
        <source>Send a request to see what was signed.</source>
        <translation>요청을 보내면 서명한 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Signing summary</source>
        <translation>서명 요약</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>curl로 복사</translation>
    </message>
    <message>
        <source>curl --aws-sigv4 with credentials from $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY</source>
        <translation>curl --aws-sigv4, 보안 인증 정보는 $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY에서 읽음</translation>
    </message>
    <message>
        <source>Inspection: request as sent and its signing</source>
        <translation>검사: 보낸 그대로의 요청과 서명</translation>
    </message>
    <message>
        <source>{method} signed for {signing_name} in {region}; scope {scope}; key {key}; signature {signature}</source>
        <translation>{method}, {region}의 {signing_name}용으로 서명; 범위 {scope}; 키 {key}; 서명 {signature}</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message numerus="yes">
        <source>{%Ln member(s)}</source>
        <translation>
            <numerusform>{멤버 %Ln개}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%Ln item(s)]</source>
        <translation>
            <numerusform>[항목 %Ln개]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyValueModel</name>
    <message>
        <source>(add)</source>
        <translation>(추가)</translation>
    </message>
    <message>
        <source>{value}   (from {scope})</source>
        <translation>{value}   ({scope}에서)</translation>
    </message>
    <message>
        <source>Not set in this request: the {scope} gives {value}. Type a value to use another one here.</source>
        <translation>이 요청에는 설정되지 않음: {scope}의 값은 {value}입니다. 다른 값을 쓰려면 여기에 입력하세요.</translation>
    </message>
    <message>
        <source>{value}   ({source})</source>
        <translation>{value}   ({source})</translation>
    </message>
    <message>
        <source>{name}: {source}</source>
        <translation>{name}: {source}</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Search the library</source>
        <translation>라이브러리 검색</translation>
    </message>
    <message>
        <source>Search by name, AWS CLI name, path or description</source>
        <translation>이름, AWS CLI 이름, 경로, 설명으로 검색</translation>
    </message>
    <message>
        <source>Search operations…</source>
        <translation>작업 검색…</translation>
    </message>
    <message>
        <source>Request library</source>
        <translation>요청 라이브러리</translation>
    </message>
    <message>
        <source>Operation documentation</source>
        <translation>작업 문서</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>메서드</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>배지</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sidebar</source>
        <translation>사이드바</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>컬렉션</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>열린 요청</translation>
    </message>
    <message>
        <source>Sidebar and requests</source>
        <translation>사이드바와 요청</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>요청(&amp;R)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Save to collection</source>
        <translation>컬렉션에 저장</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>탭 닫기</translation>
    </message>
    <message>
        <source>Reopen closed tab</source>
        <translation>닫은 탭 다시 열기</translation>
    </message>
    <message>
        <source>Format body</source>
        <translation>본문 서식 지정</translation>
    </message>
    <message>
        <source>Save the selected response value</source>
        <translation>선택한 응답 값 저장</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Find in response</source>
        <translation>응답에서 찾기</translation>
    </message>
    <message>
        <source>Focus URL</source>
        <translation>URL로 이동</translation>
    </message>
    <message>
        <source>Switch environment</source>
        <translation>환경 전환</translation>
    </message>
    <message>
        <source>Toggle sidebar</source>
        <translation>사이드바 표시/숨기기</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>다음 탭</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>이전 탭</translation>
    </message>
    <message>
        <source>Response beside the request</source>
        <translation>요청 옆에 응답 표시</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>라이브러리 검색</translation>
    </message>
    <message>
        <source>Not sent: not confirmed for production</source>
        <translation>보내지 않음: 프로덕션 환경에서 확인받지 못했습니다</translation>
    </message>
    <message>
        <source>Sign with the credentials of {environment} and send to this host anyway?</source>
        <translation>{environment}의 보안 인증 정보로 서명해 이 호스트로 그래도 보낼까요?</translation>
    </message>
    <message>
        <source>Send to this host?</source>
        <translation>이 호스트로 보낼까요?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>그래도 보내기</translation>
    </message>
    <message>
        <source>Production environment</source>
        <translation>프로덕션 환경</translation>
    </message>
    <message>
        <source>{environment} is a PRODUCTION environment ({region}).

{operation} changes or deletes data, or reaches people. Send it?</source>
        <translation>{environment}은(는) 프로덕션 환경({region})입니다.

{operation} 작업은 데이터를 바꾸거나 삭제하며, 실제 사람에게 닿을 수 있습니다. 보낼까요?</translation>
    </message>
    <message>
        <source>Send {operation} to {environment}</source>
        <translation>{environment}에 {operation} 보내기</translation>
    </message>
    <message>
        <source>saved to {path}</source>
        <translation>저장 위치: {path}</translation>
    </message>
    <message>
        <source>Select a value in the response tree first</source>
        <translation>먼저 응답 트리에서 값을 선택하세요</translation>
    </message>
    <message>
        <source>Save the response body</source>
        <translation>응답 본문 저장</translation>
    </message>
</context>
<context>
    <name>PagesModel</name>
    <message>
        <source>Page</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Next token</source>
        <translation>다음 토큰</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>보내지 않음</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
</context>
<context>
    <name>PaletteModel</name>
    <message>
        <source>operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>history</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>action</source>
        <translation>동작</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>창 언어</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>The window changes language at its next start.</source>
        <translation>창 언어는 다음에 시작할 때 바뀝니다.</translation>
    </message>
    <message>
        <source>When the language applies</source>
        <translation>언어가 적용되는 시점</translation>
    </message>
    <message>
        <source>Font size (0: the system&apos;s)</source>
        <translation>글꼴 크기(0: 시스템 설정)</translation>
    </message>
    <message>
        <source>system</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>Response position</source>
        <translation>응답 위치</translation>
    </message>
    <message>
        <source>under the request</source>
        <translation>요청 아래</translation>
    </message>
    <message>
        <source>beside the request</source>
        <translation>요청 옆</translation>
    </message>
    <message>
        <source>Light or dark</source>
        <translation>밝게 또는 어둡게</translation>
    </message>
    <message>
        <source>as the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Large response threshold in MB</source>
        <translation>큰 응답 기준(MB)</translation>
    </message>
    <message>
        <source>Largest decoded answer in MiB (0: no limit)</source>
        <translation>디코딩된 응답의 최대 크기(MiB, 0: 제한 없음)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>연결 시간 초과(초)</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>읽기 시간 초과(초)</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Proxy URL</source>
        <translation>프록시 URL</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 (empty: HTTPS_PROXY of the environment)</source>
        <translation>http://proxy.example.com:3128(비워 두면 프로세스 환경의 HTTPS_PROXY)</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA 번들 파일</translation>
    </message>
    <message>
        <source>/path/to/corporate-ca.pem (empty: AWS_CA_BUNDLE, else the built-in CAs)</source>
        <translation>/path/to/corporate-ca.pem(비워 두면 AWS_CA_BUNDLE, 없으면 기본 제공 CA)</translation>
    </message>
    <message>
        <source>Where collections live</source>
        <translation>컬렉션 위치</translation>
    </message>
    <message>
        <source>empty: the config folder&apos;s collections/ (applies at the next start)</source>
        <translation>비워 두면 구성 폴더의 collections/(다음 시작 시 적용)</translation>
    </message>
    <message>
        <source>Problems with the preferences</source>
        <translation>설정의 문제</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>글꼴 크기</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Large response above</source>
        <translation>큰 응답 기준</translation>
    </message>
    <message>
        <source>Decoded answer up to</source>
        <translation>디코딩된 응답 최대 크기</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>연결 시간 초과</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>읽기 시간 초과</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>프록시</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 번들</translation>
    </message>
    <message>
        <source>Collections folder</source>
        <translation>컬렉션 폴더</translation>
    </message>
    <message>
        <source>Save the preferences</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source>HTTP method</source>
        <translation>HTTP 메서드</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>요청 URL</translation>
    </message>
    <message>
        <source>The URL; {{variables}} are filled in from the request, the environment and globals (Ctrl+L)</source>
        <translation>URL. {{variables}}는 요청, 환경, 전역 변수에서 채웁니다(Ctrl+L)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>요청 보내기(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel the running send (Esc)</source>
        <translation>진행 중인 전송 취소(Esc)</translation>
    </message>
    <message>
        <source>Send phase</source>
        <translation>전송 단계</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Show the whole message</source>
        <translation>전체 메시지 보기</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <source>The whole message</source>
        <translation>전체 메시지</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Request sections</source>
        <translation>요청 구성 요소</translation>
    </message>
    <message>
        <source>Path and query parameters</source>
        <translation>경로 및 쿼리 매개변수</translation>
    </message>
    <message>
        <source>Request variables</source>
        <translation>요청 변수</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Operation documentation</source>
        <translation>작업 문서</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>The URL as it will be sent</source>
        <translation>실제로 보낼 URL</translation>
    </message>
    <message>
        <source>Body example</source>
        <translation>본문 예시</translation>
    </message>
    <message>
        <source>Minimal, full, or a worked example</source>
        <translation>최소, 전체 또는 실습 예시</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>서식 지정</translation>
    </message>
    <message>
        <source>Format the JSON body</source>
        <translation>JSON 본문 서식 지정</translation>
    </message>
    <message>
        <source>Request body (JSON)</source>
        <translation>요청 본문(JSON)</translation>
    </message>
    <message>
        <source>Validation problems</source>
        <translation>유효성 검사 문제</translation>
    </message>
    <message>
        <source>Problems found in the request; click one to jump to it</source>
        <translation>요청에서 찾은 문제. 클릭하면 해당 위치로 이동합니다</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>예시:</translation>
    </message>
    <message>
        <source> (required)</source>
        <translation>(필수)</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>최소</translation>
    </message>
    <message>
        <source>full</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>from the operation</source>
        <translation>작업에서</translation>
    </message>
    <message>
        <source>set when signed</source>
        <translation>서명할 때 설정</translation>
    </message>
    <message>
        <source>SigV4 signing</source>
        <translation>SigV4 서명</translation>
    </message>
    <message>
        <source>  (not set: {names})</source>
        <translation>  (설정 안 됨: {names})</translation>
    </message>
    <message>
        <source>Sends to {url}{note}</source>
        <translation>보낼 곳: {url}{note}</translation>
    </message>
    <message>
        <source>Body ({count})</source>
        <translation>본문({count})</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>globals</source>
        <translation>전역 변수</translation>
    </message>
    <message>
        <source>API {api}, signing name {signing_name}; lifecycle: {lifecycle}</source>
        <translation>API {api}, 서명 이름 {signing_name}; 수명 주기: {lifecycle}</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, 필수</translation>
    </message>
</context>
<context>
    <name>RequestTab</name>
    <message>
        <source>starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>resolving credentials</source>
        <translation>보안 인증 정보 확인 중</translation>
    </message>
    <message>
        <source>reading the keyring</source>
        <translation>키링 읽는 중</translation>
    </message>
    <message>
        <source>starting the local sandbox</source>
        <translation>로컬 샌드박스 시작 중</translation>
    </message>
    <message>
        <source>resolving the host name</source>
        <translation>호스트 이름 확인 중</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 핸드셰이크</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>보내는 중</translation>
    </message>
    <message>
        <source>waiting for the answer</source>
        <translation>응답 기다리는 중</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>내려받는 중</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Set {arg}</source>
        <translation>{arg} 설정</translation>
    </message>
    <message>
        <source>Send anyway…</source>
        <translation>그래도 보내기…</translation>
    </message>
    <message>
        <source>Raise the limit…</source>
        <translation>한도 올리기…</translation>
    </message>
    <message>
        <source>Use the local sandbox</source>
        <translation>로컬 샌드박스 사용</translation>
    </message>
    <message>
        <source>Store credentials for {arg}</source>
        <translation>{arg}의 보안 인증 정보 저장</translation>
    </message>
    <message>
        <source>Keyring unavailable: what now?</source>
        <translation>키링 사용 불가: 어떻게 할까요?</translation>
    </message>
    <message>
        <source>Response and inspection</source>
        <translation>응답과 검사</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Request and response</source>
        <translation>요청과 응답</translation>
    </message>
    <message>
        <source>request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Not ready to send: {error}</source>
        <translation>아직 보낼 수 없음: {error}</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>보내지 않음</translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation>보내지 않음: {error}</translation>
    </message>
    <message>
        <source>Cancelled while {phase}</source>
        <translation>취소됨({phase})</translation>
    </message>
</context>
<context>
    <name>RequestTabs</name>
    <message>
        <source>{operation}: not in the library; not opened</source>
        <translation>{operation}: 라이브러리에 없어 열지 않았습니다</translation>
    </message>
    <message>
        <source>{operation}, reopened from history #{id} ({when})</source>
        <translation>{operation}, 기록 #{id}({when})에서 다시 열었습니다</translation>
    </message>
    <message>
        <source>open tabs not restored: {problem}</source>
        <translation>열린 탭을 복원하지 못함: {problem}</translation>
    </message>
</context>
<context>
    <name>ResponsePane</name>
    <message>
        <source>No response yet</source>
        <translation>아직 응답 없음</translation>
    </message>
    <message>
        <source>Response status</source>
        <translation>응답 상태</translation>
    </message>
    <message>
        <source>Response time and size</source>
        <translation>응답 시간과 크기</translation>
    </message>
    <message>
        <source>Notes about this send</source>
        <translation>이번 전송에 관한 참고 사항</translation>
    </message>
    <message>
        <source>Save body…</source>
        <translation>본문 저장…</translation>
    </message>
    <message>
        <source>Save the response body to a file</source>
        <translation>응답 본문을 파일로 저장</translation>
    </message>
    <message>
        <source>Response body as a tree</source>
        <translation>트리로 본 응답 본문</translation>
    </message>
    <message>
        <source>Response body, formatted</source>
        <translation>서식을 적용한 응답 본문</translation>
    </message>
    <message>
        <source>Response body, raw</source>
        <translation>원본 응답 본문</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>모두 표시</translation>
    </message>
    <message>
        <source>Show the whole body</source>
        <translation>본문 전체 표시</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>응답 헤더</translation>
    </message>
    <message>
        <source>Response body views</source>
        <translation>응답 본문 보기</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>서식</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Find in the response</source>
        <translation>응답에서 찾기</translation>
    </message>
    <message>
        <source>Find in the response text (Ctrl+F, Enter: next)</source>
        <translation>응답 텍스트에서 찾기(Ctrl+F, Enter: 다음)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>찾기…</translation>
    </message>
    <message>
        <source>No response: {error}</source>
        <translation>응답 없음: {error}</translation>
    </message>
    <message>
        <source>loading the body…</source>
        <translation>본문을 불러오는 중…</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(빈 본문)</translation>
    </message>
    <message>
        <source> (lines over 2048 characters are broken here; Save body… keeps them whole)</source>
        <translation>(2048자를 넘는 줄은 여기서 줄바꿈합니다. [본문 저장…]은 온전히 보관합니다)</translation>
    </message>
    <message>
        <source>first {head} of {size} shown</source>
        <translation>{size} 중 처음 {head} 표시</translation>
    </message>
    <message>
        <source>{note} — not valid JSON: {error}</source>
        <translation>{note} — 올바른 JSON이 아님: {error}</translation>
    </message>
    <message>
        <source>whole body shown</source>
        <translation>본문 전체 표시됨</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>값 복사</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>경로 복사</translation>
    </message>
    <message>
        <source>Save as {name}</source>
        <translation>{name}(으)로 저장</translation>
    </message>
    <message>
        <source>Save as variable…</source>
        <translation>변수로 저장…</translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>sandbox: starting…</source>
        <translation>샌드박스: 시작하는 중…</translation>
    </message>
    <message>
        <source>sandbox: running on :{port} · tutorial policy on</source>
        <translation>샌드박스: :{port}에서 실행 중 · 튜토리얼 정책 켜짐</translation>
    </message>
    <message>
        <source>sandbox: running on :{port} · tutorial policy off</source>
        <translation>샌드박스: :{port}에서 실행 중 · 튜토리얼 정책 꺼짐</translation>
    </message>
    <message>
        <source>sandbox: this window&apos;s own on :{port} (not kept)</source>
        <translation>샌드박스: 이 창 전용, :{port}(유지 안 함)</translation>
    </message>
    <message>
        <source>sandbox: not running</source>
        <translation>샌드박스: 실행 안 됨</translation>
    </message>
    <message>
        <source>Sandbox event log</source>
        <translation>샌드박스 이벤트 로그</translation>
    </message>
    <message>
        <source>Sandbox events</source>
        <translation>샌드박스 이벤트</translation>
    </message>
    <message>
        <source>Events the sandbox publishes (SMS and voice deliveries, codes it would text) appear here.</source>
        <translation>샌드박스가 게시하는 이벤트(SMS 및 음성 전송, 문자로 보낼 코드)가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Sandbox log</source>
        <translation>샌드박스 로그</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>로컬 샌드박스</translation>
    </message>
    <message>
        <source>The local sandbox: start, stop, reset</source>
        <translation>로컬 샌드박스: 시작, 중지, 초기화</translation>
    </message>
    <message>
        <source>sandbox: …</source>
        <translation>샌드박스: …</translation>
    </message>
    <message>
        <source>Start the sandbox</source>
        <translation>샌드박스 시작</translation>
    </message>
    <message>
        <source>Stop the sandbox</source>
        <translation>샌드박스 중지</translation>
    </message>
    <message>
        <source>Reset (forget what it keeps)</source>
        <translation>초기화(보관한 내용 삭제)</translation>
    </message>
    <message>
        <source>Tutorial policy (deny deletes, as the guide&apos;s IAM policy)</source>
        <translation>튜토리얼 정책(가이드의 IAM 정책처럼 삭제 거부)</translation>
    </message>
    <message>
        <source>sandbox: stopping…</source>
        <translation>샌드박스: 중지하는 중…</translation>
    </message>
    <message>
        <source>sandbox: resetting…</source>
        <translation>샌드박스: 초기화하는 중…</translation>
    </message>
    <message>
        <source>sandbox: restarting…</source>
        <translation>샌드박스: 다시 시작하는 중…</translation>
    </message>
    <message>
        <source>sandbox: {problem}</source>
        <translation>샌드박스: {problem}</translation>
    </message>
    <message>
        <source>sandbox reset: its kept state is gone</source>
        <translation>샌드박스 초기화됨: 보관하던 상태가 사라졌습니다</translation>
    </message>
    <message>
        <source>sandbox reset: it kept nothing</source>
        <translation>샌드박스 초기화됨: 보관한 것이 없었습니다</translation>
    </message>
</context>
<context>
    <name>ScenariosDialog</name>
    <message>
        <source>Sandbox scenarios</source>
        <translation>샌드박스 시나리오</translation>
    </message>
    <message>
        <source>Sandbox scenarios: recorded answers and injected faults</source>
        <translation>샌드박스 시나리오: 기록된 응답과 주입한 오류</translation>
    </message>
    <message>
        <source>Loaded scenarios</source>
        <translation>로드된 시나리오</translation>
    </message>
    <message>
        <source>The selected scenario&apos;s rules</source>
        <translation>선택한 시나리오의 규칙</translation>
    </message>
    <message>
        <source>Shipped scenarios</source>
        <translation>기본 제공 시나리오</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>로드</translation>
    </message>
    <message>
        <source>Load the shipped scenario</source>
        <translation>기본 제공 시나리오 로드</translation>
    </message>
    <message>
        <source>Load file…</source>
        <translation>파일 로드…</translation>
    </message>
    <message>
        <source>Load a bundle or a rules file</source>
        <translation>번들 또는 규칙 파일 로드</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>언로드</translation>
    </message>
    <message>
        <source>Unload the selected scenario</source>
        <translation>선택한 시나리오 언로드</translation>
    </message>
    <message>
        <source>Unload all</source>
        <translation>모두 언로드</translation>
    </message>
    <message>
        <source>Unload every scenario</source>
        <translation>모든 시나리오 언로드</translation>
    </message>
    <message>
        <source>What no rule matches, the sandbox answers as before; signatures are always checked.</source>
        <translation>규칙에 맞지 않는 요청은 샌드박스가 평소대로 응답하며, 서명은 항상 확인합니다.</translation>
    </message>
    <message>
        <source>Scenarios status</source>
        <translation>시나리오 상태</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>unloaded every scenario</source>
        <translation>모든 시나리오를 언로드했습니다</translation>
    </message>
    <message>
        <source>No scenario is loaded: the sandbox answers every request itself.</source>
        <translation>로드된 시나리오가 없습니다. 모든 요청에 샌드박스가 직접 응답합니다.</translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation>출처: {source}</translation>
    </message>
    <message>
        <source>Load a scenario: a reproduction bundle or a rules file</source>
        <translation>시나리오 로드: 재현 번들 또는 규칙 파일</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>시나리오 (*.json)</translation>
    </message>
    <message>
        <source>loaded {name}</source>
        <translation>로드했습니다: {name}</translation>
    </message>
    <message>
        <source>unloaded {name}</source>
        <translation>언로드했습니다: {name}</translation>
    </message>
    <message>
        <source>Not loaded: {error}</source>
        <translation>로드하지 않음: {error}</translation>
    </message>
</context>
<context>
    <name>ScenariosModel</name>
    <message>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>하는 일</translation>
    </message>
</context>
<context>
    <name>SendIntents</name>
    <message>
        <source>the environments and the library are still loading; send again in a moment</source>
        <translation>환경과 라이브러리를 아직 로드하는 중입니다. 잠시 후 다시 보내세요</translation>
    </message>
    <message>
        <source>this send could not be kept in the history (see the history file&apos;s permissions)</source>
        <translation>이번 전송을 기록에 남기지 못했습니다(기록 파일의 권한을 확인하세요)</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>바로 가기 키</translation>
    </message>
    <message>
        <source>menu</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <source>action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>바로 가기 키</translation>
    </message>
</context>
<context>
    <name>SupportTools</name>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>Account health…</source>
        <translation>계정 상태…</translation>
    </message>
    <message>
        <source>Open reproduction bundle…</source>
        <translation>재현 번들 열기…</translation>
    </message>
    <message>
        <source>Sandbox scenarios…</source>
        <translation>샌드박스 시나리오…</translation>
    </message>
    <message>
        <source>Fetch all pages</source>
        <translation>모든 페이지 가져오기</translation>
    </message>
    <message>
        <source>Scenarios…</source>
        <translation>시나리오…</translation>
    </message>
    <message>
        <source>this request</source>
        <translation>이 요청</translation>
    </message>
    <message>
        <source>{operation} is not paginated: Fetch all pages follows operations marked &apos;pages&apos;</source>
        <translation>{operation}: 페이지가 나뉘지 않습니다. [모든 페이지 가져오기]는 &apos;pages&apos; 표시가 있는 작업에만 씁니다</translation>
    </message>
    <message>
        <source>Open a reproduction bundle</source>
        <translation>재현 번들 열기</translation>
    </message>
    <message>
        <source>Bundles (*.json)</source>
        <translation>번들 (*.json)</translation>
    </message>
</context>
<context>
    <name>TutorialController</name>
    <message>
        <source>tutorial progress: {problem}</source>
        <translation>튜토리얼 진행 상황: {problem}</translation>
    </message>
    <message>
        <source>the check could not run: {error}</source>
        <translation>확인을 실행할 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>TutorialListModel</name>
    <message>
        <source>{minutes} min · {progress}</source>
        <translation>{minutes}분 · {progress}</translation>
    </message>
</context>
<context>
    <name>TutorialListPage</name>
    <message>
        <source>Tutorials</source>
        <translation>튜토리얼</translation>
    </message>
    <message>
        <source>Lessons from the developer guide. Each step sends a real request and checks what came back; they run in the local sandbox, with no AWS account.</source>
        <translation>개발자 가이드의 레슨입니다. 단계마다 실제 요청을 보내고 돌아온 응답을 확인합니다. 로컬 샌드박스에서 실행되므로 AWS 계정이 없어도 됩니다.</translation>
    </message>
    <message>
        <source>About the selected tutorial</source>
        <translation>선택한 튜토리얼 정보</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start or continue the tutorial</source>
        <translation>튜토리얼 시작 또는 계속</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>진행 상황 초기화</translation>
    </message>
    <message>
        <source>Forget your progress in the selected tutorial</source>
        <translation>선택한 튜토리얼의 진행 상황 지우기</translation>
    </message>
    <message>
        <source>Tutorial files that could not be read</source>
        <translation>읽을 수 없는 튜토리얼 파일</translation>
    </message>
    <message>
        <source>Some tutorial files could not be read:</source>
        <translation>일부 튜토리얼 파일을 읽을 수 없습니다:</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <source>About {minutes} minutes, {steps} steps.</source>
        <translation>약 {minutes}분, {steps}단계.</translation>
    </message>
</context>
<context>
    <name>TutorialPanel</name>
    <message>
        <source>Lesson</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation>레슨 제목</translation>
    </message>
    <message>
        <source>Step number</source>
        <translation>단계 번호</translation>
    </message>
    <message>
        <source>Where the lesson runs</source>
        <translation>레슨을 실행하는 곳</translation>
    </message>
    <message>
        <source>The step&apos;s explanation</source>
        <translation>단계 설명</translation>
    </message>
    <message>
        <source>Open the request</source>
        <translation>요청 열기</translation>
    </message>
    <message>
        <source>Open the step&apos;s request in the lesson&apos;s tab, without sending it</source>
        <translation>단계의 요청을 레슨 탭에서 열기(보내지 않음)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Check the last answer in the lesson&apos;s tab</source>
        <translation>레슨 탭의 마지막 응답 확인</translation>
    </message>
    <message>
        <source>The result of each check</source>
        <translation>각 확인의 결과</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>The previous step</source>
        <translation>이전 단계</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>The next step</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <source>All tutorials</source>
        <translation>모든 튜토리얼</translation>
    </message>
    <message>
        <source>Back to the list of tutorials</source>
        <translation>튜토리얼 목록으로 돌아가기</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>{total}단계 중 {number}단계</translation>
    </message>
    <message>
        <source>This step is done on {service}; the workbench does not send it.</source>
        <translation>이 단계는 {service}에서 합니다. 워크벤치는 보내지 않습니다.</translation>
    </message>
    <message>
        <source>While this step is shown, the lesson&apos;s tab signs on purpose as the step says (in the sandbox only).</source>
        <translation>이 단계가 표시되는 동안 레슨 탭은 단계의 설명대로 일부러 서명합니다(샌드박스에서만).</translation>
    </message>
    <message>
        <source>Nothing to send in this step: read it, then go on with Next.</source>
        <translation>이 단계에서는 보낼 것이 없습니다. 읽은 다음 [다음]으로 넘어가세요.</translation>
    </message>
    <message>
        <source>You passed this step already. Open the request to do it again.</source>
        <translation>이미 통과한 단계입니다. 다시 하려면 요청을 여세요.</translation>
    </message>
    <message>
        <source>Open the request, send it from its tab (Ctrl+Enter), then press Check.</source>
        <translation>요청을 열고 해당 탭에서 보낸 다음(Ctrl+Enter) [확인]을 누르세요.</translation>
    </message>
    <message>
        <source>{operation} in the library</source>
        <translation>라이브러리의 {operation}</translation>
    </message>
    <message>
        <source>Troubleshooting: “{entry}”</source>
        <translation>문제 해결: “{entry}”</translation>
    </message>
    <message>
        <source>This lesson runs in the local sandbox environment: nothing reaches AWS.</source>
        <translation>이 레슨은 로컬 샌드박스 환경에서 실행되므로 AWS에 아무것도 닿지 않습니다.</translation>
    </message>
    <message>
        <source>This lesson runs in {environment}, an AWS environment: its requests create, send and delete for real.</source>
        <translation>이 레슨은 AWS 환경인 {environment}에서 실행됩니다. 요청이 실제로 만들고 보내고 삭제합니다.</translation>
    </message>
    <message>
        <source>Nothing was sent from the lesson&apos;s tab for this step yet. Open the request, send it, then check.</source>
        <translation>이 단계에서 레슨 탭으로 아직 아무것도 보내지 않았습니다. 요청을 열어 보낸 다음 확인하세요.</translation>
    </message>
    <message>
        <source>The last request sent from the lesson&apos;s tab was {operation}, not this step&apos;s. Open the request again, send it, then check.</source>
        <translation>레슨 탭에서 마지막으로 보낸 요청은 이 단계의 요청이 아닌 {operation}입니다. 요청을 다시 열어 보낸 다음 확인하세요.</translation>
    </message>
    <message>
        <source>Step passed.</source>
        <translation>단계를 통과했습니다.</translation>
    </message>
    <message>
        <source>Not yet: see what differs below.</source>
        <translation>아직입니다. 아래에서 무엇이 다른지 보세요.</translation>
    </message>
    <message>
        <source>Kept for the next steps:</source>
        <translation>다음 단계를 위해 보관:</translation>
    </message>
    <message>
        <source>Troubleshooting: “{title}”</source>
        <translation>문제 해결: “{title}”</translation>
    </message>
    <message>
        <source>The answer was HTTP {status}, as expected.</source>
        <translation>예상대로 응답은 HTTP {status}였습니다.</translation>
    </message>
    <message>
        <source>{path} is in the answer.</source>
        <translation>응답에 {path}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The diagnosis {id} explains the answer, as this step intends.</source>
        <translation>이 단계의 의도대로 진단 {id}이(가) 응답을 설명합니다.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event log has the event this step looks for.</source>
        <translation>샌드박스 이벤트 로그에 이 단계가 찾는 이벤트가 있습니다.</translation>
    </message>
    <message>
        <source>{path} is {value}.</source>
        <translation>{path}의 값은 {value}입니다.</translation>
    </message>
    <message>
        <source>Expected HTTP {expected}; the answer was HTTP {found}.</source>
        <translation>HTTP {expected}을(를) 예상했지만 응답은 HTTP {found}였습니다.</translation>
    </message>
    <message>
        <source>Expected {path} in the answer; it is not there.</source>
        <translation>응답에 {path}이(가) 있어야 하지만 없습니다.</translation>
    </message>
    <message>
        <source>Expected {path} to be {expected}; it is {found}.</source>
        <translation>{path}의 예상 값은 {expected}이지만 실제 값은 {found}입니다.</translation>
    </message>
    <message>
        <source>Expected {path} to match {pattern}; it is {found}.</source>
        <translation>{path}은(는) {pattern}과(와) 일치해야 하지만 실제 값은 {found}입니다.</translation>
    </message>
    <message>
        <source>no diagnosis</source>
        <translation>진단 없음</translation>
    </message>
    <message>
        <source>Expected the diagnosis {expected}; this answer got {found}.</source>
        <translation>진단 {expected}을(를) 예상했지만 이 응답의 진단은 {found}입니다.</translation>
    </message>
    <message>
        <source>Expected an event with {fields} in the sandbox&apos;s event log; none came since the request was opened.</source>
        <translation>샌드박스 이벤트 로그에 {fields} 값을 가진 이벤트가 있어야 하지만 요청을 연 뒤로 오지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>TutorialProgress</name>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message numerus="yes">
        <source>{passed} of %n step(s)</source>
        <translation>
            <numerusform>%n단계 중 {passed}단계</numerusform>
        </translation>
    </message>
    <message>
        <source>not started</source>
        <translation>시작 안 함</translation>
    </message>
</context>
<context>
    <name>TutorialWiring</name>
    <message>
        <source>create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>send or pay for</source>
        <translation>보내기 또는 비용 발생</translation>
    </message>
    <message>
        <source>overwrite or delete</source>
        <translation>덮어쓰기 또는 삭제</translation>
    </message>
    <message>
        <source>Tutorials</source>
        <translation>튜토리얼</translation>
    </message>
    <message>
        <source>You finished the lesson “{title}”. All tutorials lists what else there is to learn.</source>
        <translation>레슨 “{title}”을(를) 마쳤습니다. [모든 튜토리얼]에서 더 배울 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>This lesson runs in the sandbox only</source>
        <translation>이 레슨은 샌드박스에서만 실행됩니다</translation>
    </message>
    <message>
        <source>“{title}” signs requests wrongly on purpose, with the sandbox&apos;s own identity; AWS would only refuse them. Switch to the local sandbox environment?</source>
        <translation>“{title}” 레슨은 샌드박스 자체 신원으로 요청에 일부러 잘못 서명합니다. AWS는 이를 거부할 뿐입니다. 로컬 샌드박스 환경으로 전환할까요?</translation>
    </message>
    <message>
        <source>Use the sandbox</source>
        <translation>샌드박스 사용</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>{environment} is an AWS environment ({region}), not the local sandbox. Run against it, this lesson&apos;s requests would:
{changes}
They create real resources and may cost money.</source>
        <translation>{environment}은(는) 로컬 샌드박스가 아닌 AWS 환경({region})입니다. 여기서 실행하면 이 레슨의 요청은 다음을 합니다.
{changes}
실제 리소스를 만들며 비용이 발생할 수 있습니다.</translation>
    </message>
    <message>
        <source>• only read</source>
        <translation>• 읽기만 함</translation>
    </message>
    <message>
        <source>Run this lesson against AWS?</source>
        <translation>이 레슨을 AWS에서 실행할까요?</translation>
    </message>
    <message>
        <source>Run it in {environment}</source>
        <translation>{environment}에서 실행</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인하는 중…</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>environment {name}</source>
        <translation>환경 {name}</translation>
    </message>
    <message>
        <source>environment new</source>
        <translation>새 환경</translation>
    </message>
    <message>
        <source>{name} is a secret: its value is kept in the OS keyring and never shown</source>
        <translation>{name}: 비밀 값입니다. OS 키링에 보관하며 표시하지 않습니다</translation>
    </message>
    <message>
        <source>{name} is a secret kept in the environments file: shown masked; a new value goes to the OS keyring</source>
        <translation>{name}: 환경 파일에 있는 비밀 값입니다. 가려서 표시하며, 새 값은 OS 키링에 보관합니다</translation>
    </message>
    <message>
        <source> · OS keyring</source>
        <translation> · OS 키링</translation>
    </message>
    <message>
        <source> · file, masked</source>
        <translation> · 파일, 가려짐</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>The library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>On the left: every operation of the four APIs, searchable (Ctrl+K opens the command palette to jump anywhere). Collections keep your saved requests; History every send.</source>
        <translation>왼쪽: 네 가지 API의 모든 작업을 검색할 수 있습니다(Ctrl+K로 명령 팔레트를 열어 어디든 이동). 컬렉션에는 저장한 요청이, 기록에는 모든 전송이 남습니다.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>In the middle: one tab per request. Method, URL and Send on one row (Ctrl+Enter); below: body, headers, signing; then the response and the signed request&apos;s inspection.</source>
        <translation>가운데: 요청마다 탭 하나. 메서드, URL, [보내기]가 한 줄에 있고(Ctrl+Enter), 아래에 본문, 헤더, 서명, 그다음 응답과 서명된 요청의 검사가 있습니다.</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Top right: the environment the request goes to (Ctrl+E). Environments → Manage adds AWS regions and their credentials, kept in the OS keyring.</source>
        <translation>오른쪽 위: 요청을 보낼 환경(Ctrl+E). [환경 → 관리]에서 AWS 리전과 그 보안 인증 정보를 추가하며, 보안 인증 정보는 OS 키링에 보관합니다.</translation>
    </message>
    <message>
        <source>The sandbox</source>
        <translation>샌드박스</translation>
    </message>
    <message>
        <source>Bottom right: the local sandbox that answers like AWS, with no account. Its menu starts, stops and resets it; F1 lists every shortcut.</source>
        <translation>오른쪽 아래: 계정 없이 AWS처럼 응답하는 로컬 샌드박스. 메뉴에서 시작, 중지, 초기화하며, F1은 모든 바로 가기 키를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>환영합니다</translation>
    </message>
    <message>
        <source>Welcome to Pinpoint Workbench</source>
        <translation>Pinpoint Workbench에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Send signed requests to Amazon Pinpoint, End User Messaging SMS and voice, and Pinpoint Email — first to the local sandbox, which needs no AWS account.</source>
        <translation>Amazon Pinpoint, End User Messaging SMS 및 음성, Pinpoint Email에 서명된 요청을 보내세요. 먼저 AWS 계정이 필요 없는 로컬 샌드박스로 보내 보세요.</translation>
    </message>
    <message>
        <source>What the workbench does</source>
        <translation>워크벤치로 할 수 있는 일</translation>
    </message>
    <message>
        <source>Try it with the local sandbox</source>
        <translation>로컬 샌드박스로 해 보기</translation>
    </message>
    <message>
        <source>Try it with the local sandbox: send GetApps</source>
        <translation>로컬 샌드박스로 해 보기: GetApps 보내기</translation>
    </message>
    <message>
        <source>Add an AWS environment…</source>
        <translation>AWS 환경 추가…</translation>
    </message>
    <message>
        <source>Add an AWS environment</source>
        <translation>AWS 환경 추가</translation>
    </message>
    <message>
        <source>All tutorials…</source>
        <translation>모든 튜토리얼…</translation>
    </message>
    <message>
        <source>All tutorials</source>
        <translation>모든 튜토리얼</translation>
    </message>
    <message>
        <source>Send GetApps to the sandbox</source>
        <translation>샌드박스로 GetApps 보내기</translation>
    </message>
    <message>
        <source>Send GetApps to the local sandbox</source>
        <translation>로컬 샌드박스로 GetApps 보내기</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Show the history</source>
        <translation>기록 보기</translation>
    </message>
    <message>
        <source>Manage environments…</source>
        <translation>환경 관리…</translation>
    </message>
    <message>
        <source>Manage environments</source>
        <translation>환경 관리</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>배우기</translation>
    </message>
    <message>
        <source>The lessons are loading…</source>
        <translation>레슨을 불러오는 중…</translation>
    </message>
    <message>
        <source>Recent work</source>
        <translation>최근 작업</translation>
    </message>
    <message>
        <source>Nothing sent yet. Every request you send is kept in the history, with its answer, and comes back here; the first can go to the local sandbox, or come from a lesson.</source>
        <translation>아직 보낸 것이 없습니다. 보낸 요청은 응답과 함께 모두 기록에 남고 여기에 다시 나타납니다. 첫 요청은 로컬 샌드박스로 보내거나 레슨에서 시작할 수 있습니다.</translation>
    </message>
    <message>
        <source>Only the local sandbox so far. An AWS environment is a region, an account and where its credentials come from: the OS keyring, an AWS profile or the process environment. Secrets never go to a file.</source>
        <translation>아직 로컬 샌드박스뿐입니다. AWS 환경은 리전, 계정, 그리고 보안 인증 정보의 출처(OS 키링, AWS 프로필 또는 프로세스 환경)로 이루어집니다. 비밀 값은 파일에 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>Tour step</source>
        <translation>둘러보기 단계</translation>
    </message>
    <message>
        <source>Tour text</source>
        <translation>둘러보기 설명</translation>
    </message>
    <message>
        <source>Take the tour</source>
        <translation>둘러보기</translation>
    </message>
    <message>
        <source>Next tour step</source>
        <translation>다음 둘러보기 단계</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Skip the tour</source>
        <translation>둘러보기 건너뛰기</translation>
    </message>
    <message>
        <source>Start the tutorial {title} ({progress})</source>
        <translation>튜토리얼 시작: {title}({progress})</translation>
    </message>
    <message>
        <source>{minutes} min, {progress}. {summary}</source>
        <translation>{minutes}분, {progress}. {summary}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>{operation} in {environment}: {status}</source>
        <translation>{environment}의 {operation}: {status}</translation>
    </message>
    <message>
        <source>Reopen {request}</source>
        <translation>다시 열기: {request}</translation>
    </message>
    <message>
        <source>local sandbox</source>
        <translation>로컬 샌드박스</translation>
    </message>
    <message>
        <source>{region}, PRODUCTION</source>
        <translation>{region}, 프로덕션</translation>
    </message>
    <message>
        <source>Use the environment {name}</source>
        <translation>환경 사용: {name}</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <source>&amp;Environments</source>
        <translation>환경(&amp;E)</translation>
    </message>
    <message>
        <source>Manage environments…</source>
        <translation>환경 관리…</translation>
    </message>
    <message>
        <source>Credentials of this environment…</source>
        <translation>이 환경의 보안 인증 정보…</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>명령 팔레트…</translation>
    </message>
    <message>
        <source>Compare in two environments…</source>
        <translation>두 환경에서 비교…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>바로 가기 키</translation>
    </message>
    <message>
        <source>Welcome and tour</source>
        <translation>시작 화면과 둘러보기</translation>
    </message>
    <message>
        <source>Tutorials</source>
        <translation>튜토리얼</translation>
    </message>
    <message>
        <source>Troubleshooting guide</source>
        <translation>문제 해결 가이드</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Sandbox events</source>
        <translation>샌드박스 이벤트</translation>
    </message>
    <message>
        <source>Sandbox event log</source>
        <translation>샌드박스 이벤트 로그</translation>
    </message>
    <message>
        <source>preferences: {problem}</source>
        <translation>설정: {problem}</translation>
    </message>
    <message>
        <source>preferences saved to {path}</source>
        <translation>설정 저장 위치: {path}</translation>
    </message>
    <message>
        <source> · production</source>
        <translation> · 프로덕션</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>unexpected failure: {error}</source>
        <translation>예상하지 못한 실패: {error}</translation>
    </message>
</context>
</TS>
