export default {
  title: '이벤트',
  none: '아직 이벤트가 없습니다. 매니페스트를 적용해 클러스터가 하는 일을 보세요.',
};
