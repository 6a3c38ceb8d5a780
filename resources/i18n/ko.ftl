# Prepkit: 한국어 인터페이스 문자열.

menu-file = 파일
menu-edit = 편집
menu-view = 보기
menu-go = 이동

cmd-open = 브리프 또는 노트북 열기…
cmd-open-path = 경로를 입력해서 열기…
cmd-reimport = 브리프 다시 가져오기
cmd-export = 요약 내보내기…
cmd-undo = 실행 취소
cmd-redo = 다시 실행
cmd-find = 검색
cmd-palette = 명령 팔레트…
cmd-overview = 개요
cmd-review = 복습 모드
cmd-next = 다음 주제
cmd-prev = 이전 주제
cmd-rate-0 = 평가: 미평가
cmd-rate-1 = 평가: 1 약함
cmd-rate-2 = 평가: 2 불안
cmd-rate-3 = 평가: 3 보통
cmd-rate-4 = 평가: 4 좋음
cmd-rate-5 = 평가: 5 자신 있음
cmd-toggle-done = 질문 체크 / 해제
cmd-edit-notes = 메모 편집
cmd-escape = 편집 끝내기
cmd-add-section = 섹션 추가
cmd-filter-weak = 약함·불안만 보기
cmd-zoom-in = 확대
cmd-zoom-out = 축소
cmd-zoom-reset = 원래 크기
cmd-theme = 테마 바꾸기 (시스템, 밝게, 어둡게)
cmd-contrast = 고대비 켜기/끄기
cmd-language = Switch to English (영어로 전환)
cmd-quit = 종료
cmd-about = Prepkit 정보

theme-system = 시스템
theme-light = 밝게
theme-dark = 어둡게

confidence-unrated = 미평가
confidence-weak = 약함
confidence-shaky = 불안
confidence-okay = 보통
confidence-good = 좋음
confidence-strong = 자신 있음

kind-prose = 글
kind-topics = 주제
kind-checklist = 체크리스트

weekday-0 = 월
weekday-1 = 화
weekday-2 = 수
weekday-3 = 목
weekday-4 = 금
weekday-5 = 토
weekday-6 = 일
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월

countdown-days = { $n }일 후
countdown-tomorrow = 내일
countdown-hours = { $n ->
    [0] 1시간 이내
   *[other] { $n }시간 후
}
countdown-past = { $n ->
    [0] 오늘 지남
    [1] 어제
   *[other] { $n }일 전
}
interview-countdown = 면접 { $when } · { $date }
set-interview-date = 면접 날짜 정하기
today = 오늘

saved = 저장됨
saving = 저장 중…
save-failed = 저장 안 됨
retry = 다시 시도
changed-on-disk = 다른 프로그램이 파일을 바꿨습니다
keep-mine = 내 것 유지
load-theirs = 디스크 버전 불러오기

search = 검색
search-hint = 검색 (Ctrl+F, 초성 가능)
search-results = “{ $query }” 검색 결과 { $n }개
search-close = 검색 닫기

interviews = 면접
overview = 개요
review = 복습
sections = 섹션
to-review = 복습할 것 { $n }개
progress-rated = { $n }/{ $total } 평가함
progress-asked = { $n }/{ $total } 질문함
introduction = 소개

group-untitled = 주제
group-name = 그룹 이름
group-menu = 그룹 작업: { $name }
new-group = 새 그룹
add-group = 그룹 추가
item-menu = 작업: { $item }
item-text = 내용
edit-text = 내용 편집
rename = 이름 바꾸기
move-up = 위로
move-down = 아래로
delete = 삭제
delete-group = 그룹 삭제
delete-section = 섹션 삭제
deleted = 삭제했습니다.
done = 완료
done-editing = 편집 완료
notes-toggle = 메모 보기/숨기기: { $item }
notes-for = 메모: { $item }
notes-hint = 마크다운으로 메모: 할 말, STAR 사례, 링크…
answer-for = 답변: { $item }
answer-hint = 면접관의 답변
preview = 미리 보기
add-topic = 주제 추가
add-topic-hint = 새 주제…
add-question = 질문 추가
add-question-hint = 새 질문…
filter-show = 보기:
filter-all = 전체
filter-weak = 약함·불안만
filter-hides-all = 필터 때문에 이 그룹의 주제가 모두 숨겨졌습니다.

section-name = 섹션 이름
section-menu = 섹션 작업
section-kind = 종류
new-section = 새 섹션
your-notes = 내 메모
section-notes-hint = 이 부분에 대해 기억할 것
brief-text-of = 브리프 내용: { $section }
edited-by-you = 직접 수정함
empty-section = 빈 섹션입니다. “내용 편집”으로 작성하세요.

field-title = 제목
field-company = 회사
field-role = 직무
field-date = 면접 날짜
field-hour = 시
field-minute = 분
clear-date = 지우기
progress = 진행 상황
progress-summary = 주제 { $topics }개 중 { $rated }개 평가 · 질문 { $questions }개 중 { $done }개 질문함
plan = 복습 계획
plan-empty = 복습할 것이 없습니다: 모든 주제가 좋음 이상입니다.
plan-no-date = 면접 날짜를 정하면 남은 날에 복습을 나눠 줍니다.
review-help = 약하고 오래 복습하지 않은 주제가 먼저 나옵니다. 메모는 숨겨져 있으니 먼저 소리 내어 답해 보세요.
review-done = 모든 주제가 좋음 이상입니다. 잘했어요.
review-reveal = 메모 보기
review-mark = 복습 완료로 표시
review-last = 마지막 복습 { $date }

add = 추가
open = 열기
cancel = 취소
browse = 찾아보기…
open-title = 브리프 또는 노트북 열기
open-path-label = 브리프(.md) 또는 노트북(.json) 경로
no-dialog = 시스템 파일 대화상자를 쓸 수 없습니다. 경로를 입력하세요.
no-dialog-export = 시스템 파일 대화상자를 쓸 수 없습니다. 내보내기 창에 경로를 입력하세요.
filter-briefs = 브리프와 노트북
imported = 브리프를 가져왔습니다.
reimported = 브리프를 다시 가져왔습니다: 평가와 메모는 그대로입니다.
kept-aside = 저장하지 못한 변경 내용을 노트북 파일 옆에 따로 보관했습니다: { $path }
not-switched = 변경 내용을 저장하거나 따로 보관할 수 없어 이 노트북에 머물렀습니다({ $why }). 잃은 것은 없습니다. 다시 시도하거나 내보내세요.
reloaded = 노트북 파일이 바뀌어 다시 불러왔습니다.
kept-copy = { $title } (따로 보관한 사본, { $time })
no-dialog-folder = 시스템 폴더 대화상자를 쓸 수 없습니다. 입력란에 폴더를 입력하세요.
settings-folder = 노트북 폴더
settings-folder-new = 다른 폴더 (예: 동기화 폴더)
settings-folder-use = 이 폴더 사용
settings-folder-browse = 선택…
settings-folder-default = 기본 폴더
settings-folder-help = 새 노트북은 이 폴더에 저장되고, 목록에는 이 폴더의 노트북이 나옵니다. 다른 곳에 있는 노트북은 그대로 있고 목록에도 남습니다.
folder-set = 이제 노트북을 { $path }에 저장합니다.
recovery-title = 비정상 종료 후 복구
recovery-text = { $time }에 Prepkit이 예기치 않게 멈췄을 때 “{ $title }”에 저장되지 않은 변경 내용이 있었습니다. 그 내용을 보관해 두었습니다.
recovery-open = 복구된 버전 열기
recovery-discard = 버리기
recovery-opened = 복구된 버전을 열었습니다. 이 버전이 노트북에 저장되고, 이전 파일은 백업으로 옮겨집니다.
reimport-no-source = 이 노트북의 브리프 파일을 찾을 수 없습니다.
nothing-to-undo = 취소할 것이 없습니다.
nothing-to-redo = 다시 실행할 것이 없습니다.

palette-title = 명령 팔레트
palette-hint = 명령을 입력하세요…
palette-none = 맞는 명령이 없습니다.

export-title = 요약 내보내기
export-format = 형식
export-include-notes = 내 메모 포함
export-include-brief = 브리프 본문 포함
export-only-weak = 주제
export-all-topics = 모든 주제
export-paper = 용지
export-path = 저장 위치
export-now = 내보내기
exported = 내보냄: { $path }

settings = 설정
settings-language = 언어
settings-theme = 테마
settings-contrast = 대비
settings-contrast-on = 고대비
settings-text-size = 글자 크기
settings-help = 보기 메뉴와 명령 팔레트(Ctrl+K)에도 있습니다. Ctrl + / Ctrl − 로도 글자 크기를 바꿀 수 있습니다.

cmd-sidebar = 사이드바 숨기기/보이기
sidebar-hide = 사이드바 숨기기
sidebar-show = 사이드바 보이기
sidebar-tooltip = { $action } ({ $shortcut })
no-date-yet = 아직 날짜 없음
set-date = 정하기
date-save = 저장
date-prev-month = 이전 달
date-next-month = 다음 달
month-year = { $year }년 { $month }
unit-hour = 시
unit-minute = 분
export-exists = { $path } 파일이 이미 있습니다. 다시 내보내면 바뀝니다.
export-replace = 바꾸기
export-file-word = 요약
dialog-already-open = 파일 대화 상자가 이미 열려 있습니다. 먼저 끝내거나 취소하세요.
export-no-folder = 내보내지 못했습니다. { $folder } 폴더가 없습니다.
export-cannot-write = 내보내지 못했습니다. { $folder } 폴더에는 새 파일을 쓸 수 없습니다
export-failed = 내보내지 못했습니다
failed-because = { $what }: { $details }
disk-failed = 파일을 읽거나 쓰지 못했습니다
open-failed = 노트북을 열지 못했습니다
import-failed = 브리프를 가져오지 못했습니다
reimport-failed = 브리프를 다시 가져오지 못했습니다
folder-failed = 노트북 폴더를 바꾸지 못했습니다

about = 정보
about-title = Prepkit 정보
about-tagline = 주제 하나씩, 면접 준비.
about-version = 버전
about-licence = 라이선스
about-licence-value = { $licence } (자유 소프트웨어)
about-font = 내장 글꼴
about-font-value = 나눔고딕, SIL 오픈 폰트 라이선스 1.1
about-font-show = 글꼴 라이선스
about-data = 데이터 폴더
about-open-folder = 폴더 열기
about-open-failed = 폴더를 열 수 없습니다: { $error }
